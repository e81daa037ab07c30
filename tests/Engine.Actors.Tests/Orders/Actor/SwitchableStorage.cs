using Engine.Kernel.Persistence.InMemory;
using Engine.Kernel.Persistence.Journal;
using Engine.Kernel.Persistence.Query;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>In-memory journal storage whose writes fail while <see cref="FailWrites"/> is set.</summary>
public sealed class SwitchableStorage : IJournalStorage
{
    private readonly InMemoryJournalStorage _inner = new();
    private volatile bool _failWrites;

    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    public Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken) =>
        _failWrites
            ? Task.FromException(new JournalWriteException("disk full (test)", new IOException("disk full (test)")))
            : _inner.WriteBatchAsync(writes, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> ReadByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        _inner.ReadByPersistenceIdAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> ReadAllAsync(long afterOrdering, long max, CancellationToken cancellationToken) =>
        _inner.ReadAllAsync(afterOrdering, max, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> ReadByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken) =>
        _inner.ReadByTagAsync(tag, afterOrdering, max, cancellationToken);

    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _inner.DeleteToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
