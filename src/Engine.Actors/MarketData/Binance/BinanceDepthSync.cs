using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Binance;

/// <summary>
/// Binance's local-book procedure (market-data reference §1.5, first-event rule of §5.1): buffer the diff events,
/// ask for a snapshot, refetch a snapshot older than the first buffered event, drop what the snapshot covers, join
/// with <c>U &lt;= lastUpdateId + 1 &lt;= u</c>, then require <c>U == bookId + 1</c> (a stale event, <c>u &lt;= bookId</c>,
/// is ignored). On a gap the book is discarded, the event that revealed it starts the new buffer and a new snapshot is
/// asked for: nothing is ever applied on top of a book it does not follow. Pure; not thread-safe.
/// </summary>
public sealed class BinanceDepthSync(FeedId feed, Symbol symbol) : IBookSynchronizer
{
    private readonly List<BinanceDepthDiff> _buffer = [];
    private bool _snapshotRequested;
    private bool _resyncing;

    /// <inheritdoc />
    public LocalOrderBook Book { get; } = new();

    /// <inheritdoc />
    public bool IsSynced { get; private set; }

    /// <inheritdoc />
    public long UpdateId { get; private set; }

    /// <inheritdoc />
    public long Resyncs { get; private set; }

    /// <summary>Events held until a snapshot joins them.</summary>
    public int Buffered => _buffer.Count;

    /// <inheritdoc />
    public BookStep OnInput(IBookInput input, DateTimeOffset receivedAt)
    {
        if (input is not BinanceDepthDiff diff)
        {
            throw new ArgumentException($"Binance book of {symbol} got a {input.GetType().Name}; expected a depthUpdate", nameof(input));
        }

        if (!IsSynced)
        {
            _buffer.Add(diff);
            return Request();
        }

        if (diff.FinalUpdateId <= UpdateId)
        {
            return BookStep.Nothing;
        }

        if (diff.FirstUpdateId > UpdateId + 1)
        {
            var reason = $"depthUpdate U={diff.FirstUpdateId} after book id {UpdateId}: updates {UpdateId + 1}-{diff.FirstUpdateId - 1} were missed";
            Discard();
            _buffer.Add(diff);
            var step = Request();
            return step with { GapReason = reason };
        }

        return new BookStep([Apply(diff, receivedAt)], BookAction.None);
    }

    /// <inheritdoc />
    public BookStep OnSnapshot(BookSnapshotData snapshot, DateTimeOffset receivedAt)
    {
        _snapshotRequested = false;
        if (IsSynced)
        {
            return BookStep.Nothing;
        }

        if (_buffer.Count > 0 && snapshot.LastUpdateId < _buffer[0].FirstUpdateId)
        {
            return Request();
        }

        _buffer.RemoveAll(d => d.FinalUpdateId <= snapshot.LastUpdateId);
        if (_buffer.Count > 0 && _buffer[0].FirstUpdateId > snapshot.LastUpdateId + 1)
        {
            var reason = $"buffered depthUpdate U={_buffer[0].FirstUpdateId} does not follow snapshot {snapshot.LastUpdateId}";
            var first = _buffer[^1];
            Discard();
            _buffer.Add(first);
            return Request() with { GapReason = reason };
        }

        Book.Reset(snapshot.Bids, snapshot.Asks);
        UpdateId = snapshot.LastUpdateId;
        IsSynced = true;
        var events = new List<IOrderBookEvent>(_buffer.Count + 1)
        {
            new OrderBookSnapshot(feed, symbol, UpdateId, Book.Bids(), Book.Asks(), _resyncing, receivedAt, receivedAt),
        };
        _resyncing = false;
        var buffered = _buffer.ToArray();
        _buffer.Clear();
        foreach (var diff in buffered)
        {
            var step = OnInput(diff, receivedAt);
            events.AddRange(step.Events);
            if (step.GapReason is not null)
            {
                return new BookStep(events, step.Action, step.GapReason);
            }
        }

        return new BookStep(events, BookAction.None);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _resyncing = _resyncing || IsSynced;
        IsSynced = false;
        UpdateId = 0;
        _buffer.Clear();
        _snapshotRequested = false;
        Book.Clear();
    }

    private OrderBookDelta Apply(BinanceDepthDiff diff, DateTimeOffset receivedAt)
    {
        var previous = UpdateId;
        Book.Apply(diff.Bids, diff.Asks);
        UpdateId = diff.FinalUpdateId;
        return new OrderBookDelta(feed, symbol, previous, UpdateId, diff.Bids, diff.Asks, diff.EventTime, receivedAt);
    }

    private void Discard()
    {
        Resyncs++;
        IsSynced = false;
        _resyncing = true;
        _buffer.Clear();
        Book.Clear();
    }

    private BookStep Request()
    {
        if (_snapshotRequested)
        {
            return BookStep.Nothing;
        }

        _snapshotRequested = true;
        return new BookStep([], BookAction.FetchSnapshot);
    }
}
