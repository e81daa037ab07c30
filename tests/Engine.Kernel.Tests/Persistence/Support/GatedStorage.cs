using Engine.Persistence.Journal;
using Engine.Persistence.Query;

namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>
/// Wraps a storage, holds the first batch until <see cref="Release"/>, and records every batch's
/// writes, so a test can queue writes deterministically behind a commit in progress.
/// </summary>
internal sealed class GatedStorage(IJournalStorage inner) : IJournalStorage
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly List<IReadOnlyList<AtomicWrite>> batches = [];

    /// <summary>Completes when the first batch reached the storage and is being held.</summary>
    public Task FirstBatchEntered => entered.Task;

    public IReadOnlyList<IReadOnlyList<AtomicWrite>> Batches
    {
        get
        {
            lock (gate)
            {
                return [.. batches];
            }
        }
    }

    public void Release() => release.TrySetResult();

    public async Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        bool first;
        lock (gate)
        {
            first = batches.Count == 0;
            batches.Add([.. writes]);
        }

        if (first)
        {
            entered.TrySetResult();
            await release.Task;
        }

        await inner.WriteBatchAsync(writes, cancellationToken);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> ReadByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        inner.ReadByPersistenceIdAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> ReadAllAsync(long afterOrdering, long max, CancellationToken cancellationToken) =>
        inner.ReadAllAsync(afterOrdering, max, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> ReadByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken) =>
        inner.ReadByTagAsync(tag, afterOrdering, max, cancellationToken);

    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
