using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Toobit;

/// <summary>
/// Toobit's local-book procedure (market-data reference §2.5, §4.4): every <c>f:true</c> push replaces the book; later
/// pushes are applied as absolute quantities; the first delta's <c>o</c> is the base and each next one must be
/// <c>o == last + 1</c>. On a gap the book is discarded and the feed is asked to <c>cancel</c> + <c>sub</c> the topic;
/// deltas are dropped until the next <c>f:true</c> push. Toobit's REST depth has no version and cannot be spliced into
/// the stream, so a requested snapshot (a crossed book) is answered by resubscribing too. Published update ids are a
/// local sequence (+1 per published event) because the venue has none that spans snapshots and deltas. Pure; not
/// thread-safe.
/// </summary>
public sealed class ToobitDiffDepthSync(FeedId feed, Symbol symbol) : IBookSynchronizer
{
    private long? _lastSequence;
    private bool _resyncing;
    private bool _awaitingFull;

    /// <inheritdoc />
    public LocalOrderBook Book { get; } = new();

    /// <inheritdoc />
    public bool IsSynced { get; private set; }

    /// <inheritdoc />
    public long UpdateId { get; private set; }

    /// <inheritdoc />
    public long Resyncs { get; private set; }

    /// <inheritdoc />
    public BookStep OnInput(IBookInput input, DateTimeOffset receivedAt)
    {
        if (input is not ToobitDepthPush push)
        {
            throw new ArgumentException($"Toobit book of {symbol} got a {input.GetType().Name}; expected a diffDepth push", nameof(input));
        }

        if (push.IsFull)
        {
            Book.Reset(push.Bids, push.Asks);
            IsSynced = true;
            _awaitingFull = false;
            _lastSequence = null;
            UpdateId++;
            var snapshot = new OrderBookSnapshot(feed, symbol, UpdateId, Book.Bids(), Book.Asks(), _resyncing, push.EventTime, receivedAt);
            _resyncing = false;
            return new BookStep([snapshot], BookAction.None);
        }

        if (!IsSynced)
        {
            return BookStep.Nothing;
        }

        if (push.Sequence is { } o)
        {
            if (_lastSequence is { } last && o != last + 1)
            {
                var reason = $"diffDepth o={o} after o={last}: {(o > last ? $"{o - last - 1} push(es) missed" : "out of order")}";
                Discard();
                _awaitingFull = true;
                return new BookStep([], BookAction.Resubscribe, reason);
            }

            _lastSequence = o;
        }

        var previous = UpdateId;
        Book.Apply(push.Bids, push.Asks);
        UpdateId++;
        return new BookStep([new OrderBookDelta(feed, symbol, previous, UpdateId, push.Bids, push.Asks, push.EventTime, receivedAt)], BookAction.None);
    }

    /// <summary>A REST snapshot cannot join the stream (§2.5): the book waits for a fresh <c>f:true</c> push instead.</summary>
    public BookStep OnSnapshot(BookSnapshotData snapshot, DateTimeOffset receivedAt)
    {
        if (IsSynced || _awaitingFull)
        {
            return BookStep.Nothing;
        }

        _awaitingFull = true;
        return new BookStep([], BookAction.Resubscribe);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _resyncing = _resyncing || IsSynced;
        IsSynced = false;
        _awaitingFull = false;
        _lastSequence = null;
        Book.Clear();
    }

    private void Discard()
    {
        Resyncs++;
        IsSynced = false;
        _resyncing = true;
        _lastSequence = null;
        Book.Clear();
    }
}
