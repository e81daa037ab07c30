using Engine.Persistence.Snapshots;

namespace Engine.Persistence.InMemory;

/// <summary>Snapshot store in process memory, for tests. All operations run under one lock. Disposing keeps the data.</summary>
public sealed class InMemorySnapshotStore(int keepLatest) : ISnapshotStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedList<long, SelectedSnapshot>> streams = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task SaveAsync(SelectedSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            if (!streams.TryGetValue(snapshot.Metadata.PersistenceId, out var list))
            {
                list = [];
                streams[snapshot.Metadata.PersistenceId] = list;
            }

            list[snapshot.Metadata.SequenceNr] = snapshot;
            while (keepLatest > 0 && list.Count > keepLatest)
            {
                list.RemoveAt(0);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (gate)
        {
            var found = streams.TryGetValue(persistenceId, out var list)
                ? list.Values.LastOrDefault(s => criteria.Matches(s.Metadata))
                : null;
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (gate)
        {
            if (streams.TryGetValue(persistenceId, out var list))
            {
                foreach (var key in list.Where(kv => criteria.Matches(kv.Value.Metadata)).Select(kv => kv.Key).ToList())
                {
                    list.Remove(key);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (gate)
        {
            if (streams.TryGetValue(metadata.PersistenceId, out var list))
            {
                list.Remove(metadata.SequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps the data.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
