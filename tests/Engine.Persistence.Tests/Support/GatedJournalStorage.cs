using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;

namespace Engine.Persistence.Tests.Support;

/// <summary>
/// In-memory journal storage whose writes wait until <see cref="Open"/> is called: a write the journal has queued and
/// started stays uncommitted for as long as a test needs. Reads are not gated.
/// </summary>
internal sealed class GatedJournalStorage : IJournalStorage
{
    private readonly InMemoryJournalStorage inner = new();
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource writeStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first write reached the storage (and waits at the gate).</summary>
    public Task WriteStarted => writeStarted.Task;

    /// <summary>Lets every write through.</summary>
    public void Open() => gate.TrySetResult();

    public async Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        writeStarted.TrySetResult();
        await gate.Task.WaitAsync(cancellationToken);
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

    public ValueTask DisposeAsync()
    {
        Open();
        return inner.DisposeAsync();
    }
}
