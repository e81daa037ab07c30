namespace Engine.Host.Runtime;

/// <summary>How a shutdown phase ended.</summary>
public enum ShutdownPhaseOutcome
{
    /// <summary>Finished within its timeout.</summary>
    Completed,

    /// <summary>Still running at its timeout; abandoned.</summary>
    TimedOut,

    /// <summary>Threw; the error is logged.</summary>
    Failed,
}
