namespace Engine.Actors.Audit;

/// <summary>One journaled event of a task command, as the audit shows it.</summary>
public sealed record TaskTimelineEntry(long SequenceNr, DateTimeOffset Timestamp, string Event, string Detail);
