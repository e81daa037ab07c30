namespace Engine.Actors.Status;

/// <summary>Asks <see cref="StatusReporterActor"/> for the current lines; answered with <see cref="StatusLines"/>.</summary>
public sealed record GetStatusLines
{
    /// <summary>The only instance.</summary>
    public static GetStatusLines Instance { get; } = new();
}
