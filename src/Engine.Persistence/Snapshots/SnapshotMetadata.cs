namespace Engine.Persistence.Snapshots;

/// <summary>Identity of a snapshot: the stream, the sequence number the state includes, and when it was taken (UTC, tick precision).</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);
