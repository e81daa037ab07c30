using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>Sent to the actor when its <c>SaveSnapshot</c> failed; logged as a warning if no command handler takes it. The actor keeps running: events remain the source of truth.</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause) : PersistenceMessage;
