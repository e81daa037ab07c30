namespace Engine.Actors.Monitoring;

/// <summary>Asks <see cref="StatusReporterActor"/> for its board as data; answered with <see cref="StatusSnapshot"/>.</summary>
public sealed record GetStatusSnapshot
{
    /// <summary>The only instance.</summary>
    public static GetStatusSnapshot Instance { get; } = new();
}
