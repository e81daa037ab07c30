namespace Engine.Kernel.Actors.Supervision;

/// <summary>Asks a <see cref="BackoffSupervisor"/> for its <see cref="CurrentChild"/>.</summary>
public sealed class GetCurrentChild
{
    private GetCurrentChild()
    {
    }

    /// <summary>The single instance.</summary>
    public static GetCurrentChild Instance { get; } = new();
}
