using Engine.Persistence.Query;

namespace Engine.Persistence.Journal;

/// <summary>
/// The storage port a plug-in implements; <see cref="GroupCommitJournal"/> adds batching and live
/// queries on top. Contract: <see cref="WriteBatchAsync"/> is called by one caller at a time and
/// commits every event of every write in one transaction or throws (after rolling back), with a
/// duplicate (persistence id, sequence number) reported as a conflict <see cref="JournalWriteException"/>;
/// orderings are assigned in commit order, so a reader that has seen ordering N will never later see
/// a commit with an ordering below N. Reads may run concurrently with each other and with writes.
/// </summary>
public interface IJournalStorage : IAsyncDisposable
{
    /// <summary>Commits the events of all <paramref name="writes"/>, in list order, in one transaction.</summary>
    Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken);

    /// <summary>Highest sequence number stored for the stream, deleted rows included; 0 if none. <paramref name="fromSequenceNr"/> is a hint that nothing below it matters.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken);

    /// <summary>Non-deleted events of one stream in the inclusive range, by sequence number, at most <paramref name="max"/>.</summary>
    IAsyncEnumerable<EventEnvelope> ReadByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken);

    /// <summary>Non-deleted events with ordering &gt; <paramref name="afterOrdering"/>, by ordering, at most <paramref name="max"/>.</summary>
    IAsyncEnumerable<EventEnvelope> ReadAllAsync(long afterOrdering, long max, CancellationToken cancellationToken);

    /// <summary>As <see cref="ReadAllAsync"/>, restricted to events carrying <paramref name="tag"/>.</summary>
    IAsyncEnumerable<EventEnvelope> ReadByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken);

    /// <summary>Marks events with sequence number &lt;= <paramref name="toSequenceNr"/> as deleted; rows stay.</summary>
    Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);
}
