namespace Engine.Actors.Monitoring;

/// <summary>The answer to <see cref="ProbeJournal"/>. Immutable.</summary>
/// <param name="Writable">Whether a probe event was written and committed.</param>
/// <param name="Problem">Why not, for people; null when writable.</param>
public sealed record JournalProbed(bool Writable, string? Problem);
