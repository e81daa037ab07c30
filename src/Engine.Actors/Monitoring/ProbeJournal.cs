namespace Engine.Actors.Monitoring;

/// <summary>Asks the <see cref="JournalProbeActor"/> whether the journal takes a write now; answered with <see cref="JournalProbed"/>.</summary>
public sealed record ProbeJournal
{
    /// <summary>The one instance.</summary>
    public static ProbeJournal Instance { get; } = new();
}
