namespace Engine.Actors.MarketData.Books;

/// <summary>
/// One symbol's local book kept exactly right by a venue's sequencing rules (Binance: §1.5 of the market-data
/// reference, <c>U</c>/<c>u</c> continuity). Pure: it takes inputs and returns the events to publish and the action
/// the feed owes it; it never publishes a delta that does not follow the book it last published. Not thread-safe.
/// </summary>
public interface IBookSynchronizer
{
    /// <summary>The book as last published; empty until the first synchronisation.</summary>
    LocalOrderBook Book { get; }

    /// <summary>True while the book follows the venue (a snapshot was joined and no gap seen since).</summary>
    bool IsSynced { get; }

    /// <summary>Update id of the book (meaningful while <see cref="IsSynced"/>).</summary>
    long UpdateId { get; }

    /// <summary>Number of times the book was discarded because updates were missed.</summary>
    long Resyncs { get; }

    /// <summary>Handles one decoded update.</summary>
    BookStep OnInput(IBookInput input, DateTimeOffset receivedAt);

    /// <summary>Handles a fetched snapshot (after <see cref="BookAction.FetchSnapshot"/>).</summary>
    BookStep OnSnapshot(BookSnapshotData snapshot, DateTimeOffset receivedAt);

    /// <summary>Forgets everything (the socket was replaced): the next input starts a new synchronisation, whose snapshot is marked a resync when a book was lost.</summary>
    void Reset();
}
