using Akka.Actor;
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Akka.Persistence;
using Akka.Persistence.Snapshot;
using EngineCriteria = Engine.Persistence.Snapshots.SnapshotSelectionCriteria;
using EngineMetadata = Engine.Persistence.Snapshots.SnapshotMetadata;
using EngineSnapshot = Engine.Persistence.Snapshots.SelectedSnapshot;
using ISnapshotStore = Engine.Persistence.Snapshots.ISnapshotStore;

namespace Engine.Persistence.Plugin;

/// <summary>
/// The engine's snapshot store as an Akka.Persistence plugin (<c>akka.persistence.snapshot-store.engine</c>) over the
/// SQLite, PostgreSQL or in-memory <see cref="ISnapshotStore"/>. Snapshots go through Akka serialization (serializer id
/// and manifest stored beside the bytes). A save is durable when acknowledged; saving the same (persistence id,
/// sequence number) replaces it; <c>keep-latest</c> (0 = keep all, the default) prunes older snapshots in the save's
/// transaction. Timestamps are UTC with tick precision; a save without one takes the scheduler's clock.
/// </summary>
public sealed class EngineSnapshotStore : SnapshotStore
{
    private readonly Snapshots.SnapshotStoreOptions options;
    private Task<ISnapshotStore> opening = null!;
    private ActorSystem system = null!;

    /// <summary>Created by Akka.Persistence with the plugin's config section.</summary>
    public EngineSnapshotStore(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        options = EnginePluginConfig.SnapshotStore(config);
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        system = Context.System;
        opening = PersistencePlugins.OpenSnapshotStoreAsync(options);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _ = opening.ContinueWith(t => t.Result.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
        base.PostStop();
    }

    /// <inheritdoc />
    protected override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        var store = await opening;
        var found = await store.LoadAsync(persistenceId, ToEngine(criteria), cancellationToken);
        if (found is null)
        {
            return null;
        }

        var state = found.SerializerId is { } id
            ? AkkaPayload.Deserialize(system, id, found.Manifest, found.Binary)
            : throw new InvalidOperationException($"Snapshot {persistenceId}#{found.Metadata.SequenceNr} was written as engine JSON text, not through Akka serialization.");
        return new SelectedSnapshot(new SnapshotMetadata(persistenceId, found.Metadata.SequenceNr, found.Metadata.Timestamp.UtcDateTime), state);
    }

    /// <inheritdoc />
    protected override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var store = await opening;
        var (serializerId, manifest, bytes) = AkkaPayload.Serialize(system, snapshot);
        var timestamp = metadata.Timestamp == DateTime.MinValue ? system.Scheduler.Now : Utc(metadata.Timestamp);
        await store.SaveAsync(new EngineSnapshot(new EngineMetadata(metadata.PersistenceId, metadata.SequenceNr, timestamp), manifest, string.Empty)
        {
            SerializerId = serializerId,
            Binary = bytes,
        }, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var store = await opening;
        await store.DeleteAsync(new EngineMetadata(metadata.PersistenceId, metadata.SequenceNr, Utc(metadata.Timestamp)), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        var store = await opening;
        await store.DeleteAsync(persistenceId, ToEngine(criteria), cancellationToken);
    }

    private static EngineCriteria ToEngine(SnapshotSelectionCriteria criteria) => new()
    {
        MaxSequenceNr = criteria.MaxSequenceNr,
        MaxTimestamp = Utc(criteria.MaxTimeStamp),
        MinSequenceNr = criteria.MinSequenceNr,
        MinTimestamp = criteria.MinTimestamp is { } min ? Utc(min) : DateTimeOffset.MinValue,
    };

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
