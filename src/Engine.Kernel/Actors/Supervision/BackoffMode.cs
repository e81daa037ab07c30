namespace Engine.Kernel.Actors.Supervision;

/// <summary>When a <see cref="BackoffSupervisor"/> recreates its child.</summary>
public enum BackoffMode
{
    /// <summary>After the child failed (any exception stops it); a child that stops by itself stops the supervisor.</summary>
    OnFailure,

    /// <summary>After the child stopped for any reason; failures are handled by <see cref="BackoffOptions.ChildStrategy"/> first.</summary>
    OnStop,
}
