namespace Engine.Kernel.Actors.Supervision;

/// <summary>Asks a <see cref="BackoffSupervisor"/> for its <see cref="RestartCount"/>.</summary>
public sealed class GetRestartCount
{
    private GetRestartCount()
    {
    }

    /// <summary>The single instance.</summary>
    public static GetRestartCount Instance { get; } = new();
}
