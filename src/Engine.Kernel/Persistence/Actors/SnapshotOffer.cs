using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>Delivered to a <c>Recover&lt;SnapshotOffer&gt;</c> handler first when recovery found a snapshot; events after it follow.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot) : PersistenceMessage;
