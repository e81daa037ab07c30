using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>Sent to the actor when its <c>SaveSnapshot</c> is durable; ignored if no command handler takes it.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata) : PersistenceMessage;
