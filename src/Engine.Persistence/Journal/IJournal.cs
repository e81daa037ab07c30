using Engine.Persistence.Query;

namespace Engine.Persistence.Journal;

/// <summary>
/// Event journal. Guarantees: each <see cref="WriteAsync"/> call commits all of its events in one
/// transaction or none (its task faults with <see cref="JournalWriteException"/>); the writes of one
/// persistence id are committed in call order; a committed event is durable when the task completes
/// (subject to the plug-in's durability setting, e.g. SQLite <c>synchronous</c>). Sequence numbers of
/// a stream never restart, deletes included. Thread-safe.
/// </summary>
public interface IJournal : IReadJournal, IAsyncDisposable
{
    /// <summary>
    /// Commits <paramref name="writes"/> atomically. <paramref name="cancellationToken"/> is observed only
    /// before the writes are queued: once queued, the outcome is the journal's, never "cancelled", so a
    /// caller never retries a write that may have landed.
    /// </summary>
    Task WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Highest sequence number ever written for the stream (deleted events included), or 0; read after every write
    /// queued before the call has committed or failed.
    /// </summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default);

    /// <summary>Streams non-deleted events of one stream in sequence order, at most <paramref name="max"/> of them.</summary>
    IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default);

    /// <summary>Logically deletes events with sequence number &lt;= <paramref name="toSequenceNr"/>; the highest sequence number is kept.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
