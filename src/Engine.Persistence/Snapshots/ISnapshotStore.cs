namespace Engine.Persistence.Snapshots;

/// <summary>
/// Snapshot store. Guarantees: a save is durable when its task completes; saving the same
/// (persistence id, sequence number) again replaces it; after each save only the newest
/// <see cref="SnapshotStoreOptions.KeepLatest"/> snapshots of that stream are kept (0 keeps all),
/// pruned in the same transaction. Thread-safe.
/// </summary>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>Stores <paramref name="snapshot"/> and applies retention to its stream.</summary>
    Task SaveAsync(SelectedSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The matching snapshot with the highest sequence number, or null.</summary>
    Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot of the stream matching <paramref name="criteria"/>.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes exactly the snapshot identified by (persistence id, sequence number).</summary>
    Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);
}
