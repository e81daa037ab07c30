namespace Engine.Kernel.Actors.Supervision;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Drop the failing message and keep the instance and its state.</summary>
    Resume,

    /// <summary>Drop the failing message and replace the instance (mailbox kept, timers and stash dropped).</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate,
}
