namespace Engine.Persistence.Query;

/// <summary>
/// Journal queries. "Current" queries end at the journal's end when they run; live queries keep
/// going, woken by the in-process writer after each commit and otherwise by polling every
/// <c>poll-interval</c>, until cancelled. Ordering offsets are exclusive: <c>fromOrdering</c> is the
/// last ordering already seen (0 = from the start). Sequence ranges are inclusive. Logically deleted
/// events are never returned. All methods are safe to call from any thread.
/// </summary>
public interface IReadJournal
{
    /// <summary>Events of one stream with <c>fromSequenceNr &lt;= seq &lt;= toSequenceNr</c>, then completes.</summary>
    IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="CurrentEventsByPersistenceId"/>, then follows new events until <paramref name="toSequenceNr"/> is reached or cancelled.</summary>
    IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);

    /// <summary>All events with ordering greater than <paramref name="fromOrdering"/>, in ordering order, then completes.</summary>
    IAsyncEnumerable<EventEnvelope> CurrentAllEvents(long fromOrdering, CancellationToken cancellationToken = default);

    /// <summary>Live tail of all events after <paramref name="fromOrdering"/>; never skips a committed event.</summary>
    IAsyncEnumerable<EventEnvelope> AllEvents(long fromOrdering, CancellationToken cancellationToken = default);

    /// <summary>Events carrying <paramref name="tag"/> after <paramref name="fromOrdering"/>, then completes.</summary>
    IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long fromOrdering, CancellationToken cancellationToken = default);

    /// <summary>Live tail of events carrying <paramref name="tag"/> after <paramref name="fromOrdering"/>.</summary>
    IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long fromOrdering, CancellationToken cancellationToken = default);
}
