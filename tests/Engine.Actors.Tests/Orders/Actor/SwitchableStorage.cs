using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// In-memory journal storage whose writes fail while <see cref="FailWrites"/> is set, and wait while held
/// (<see cref="Hold"/> until <see cref="Release"/>); the failure switch is read when a held write is released.
/// </summary>
public sealed class SwitchableStorage : IJournalStorage
{
    private readonly InMemoryJournalStorage _inner = new();
    private readonly Lock _gateLock = new();
    private volatile bool _failWrites;
    private TaskCompletionSource _gate = Completed();
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a write reached the storage while it is held.</summary>
    public Task HeldWriteEntered
    {
        get
        {
            lock (_gateLock)
            {
                return _entered.Task;
            }
        }
    }

    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    /// <summary>Makes later writes wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gateLock)
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held and later writes through.</summary>
    public void Release()
    {
        lock (_gateLock)
        {
            _gate.TrySetResult();
        }
    }

    public async Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        Task gate;
        lock (_gateLock)
        {
            gate = _gate.Task;
            if (!gate.IsCompleted)
            {
                _entered.TrySetResult();
            }
        }

        await gate;
        if (_failWrites)
        {
            throw new JournalWriteException("disk full (test)", new IOException("disk full (test)"));
        }

        await _inner.WriteBatchAsync(writes, cancellationToken);
    }

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

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
