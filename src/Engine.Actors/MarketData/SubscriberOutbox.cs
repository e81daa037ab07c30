using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// What one subscriber still has to receive, with one event in flight at a time (the subscriber acknowledges each
/// with <see cref="MarketDataDelivered"/>). Quotes, tickers and book state are conflated: a pending quote or ticker is
/// replaced by the newer one in place, and a pending book event by a snapshot of the current book, so a slow
/// subscriber always gets the latest state and never a backlog. Trades and bars are kept in full up to <c>capacity</c>; past it the oldest is
/// dropped and counted. Pure; not thread-safe.
/// </summary>
public sealed class SubscriberOutbox(int capacity)
{
    private readonly LinkedList<Pending> _queue = new();
    private readonly Dictionary<(MarketDataKind Kind, Symbol Symbol), LinkedListNode<Pending>> _conflated = [];
    private readonly Dictionary<(MarketDataKind Kind, Symbol Symbol), long> _dropped = [];
    private int _full;

    /// <summary>An event was handed over and not yet acknowledged.</summary>
    public bool InFlight { get; set; }

    /// <summary>Events waiting.</summary>
    public int Count => _queue.Count;

    /// <summary>Trades and bars dropped in total.</summary>
    public long DroppedTotal { get; private set; }

    /// <summary>Queues a quote, replacing a pending quote of the same symbol in place.</summary>
    public void OfferQuote(QuoteTick quote) => OfferLatest(quote, MarketDataKind.Quotes);

    /// <summary>Queues a latest-value event (a quote, a ticker), replacing a pending one of the same kind and symbol in place.</summary>
    public void OfferLatest(IMarketDataEvent latest, MarketDataKind kind) => Conflate((kind, latest.Symbol), latest);

    /// <summary>
    /// Queues a book event; when one of the same symbol is still pending, it becomes <paramref name="current"/>'s
    /// snapshot instead (a resync flag already pending is kept).
    /// </summary>
    public void OfferBook(IOrderBookEvent bookEvent, Func<bool, OrderBookSnapshot> current)
    {
        var key = (MarketDataKind.Book, bookEvent.Symbol);
        if (_conflated.TryGetValue(key, out var node))
        {
            var resync = node.Value.Message is OrderBookSnapshot { IsResync: true } || bookEvent is OrderBookSnapshot { IsResync: true };
            node.Value.Message = current(resync);
            return;
        }

        _conflated[key] = _queue.AddLast(new Pending(bookEvent, key));
    }

    /// <summary>
    /// Queues a trade or bar in full. Returns true when this offer dropped the oldest one because the buffer was full and
    /// it is the first drop of that symbol and kind since the subscriber last caught up (time to warn).
    /// </summary>
    public bool OfferInFull(IMarketDataEvent marketEvent, MarketDataKind kind)
    {
        var firstDrop = false;
        if (_full >= capacity)
        {
            var oldest = _queue.First;
            while (oldest is not null && oldest.Value.Key is not null)
            {
                oldest = oldest.Next;
            }

            if (oldest?.Value.Message is IMarketDataEvent dropped)
            {
                _queue.Remove(oldest);
                _full--;
                DroppedTotal++;
                var key = (oldest.Value.Kind, dropped.Symbol);
                var count = _dropped.GetValueOrDefault(key);
                firstDrop = count == 0;
                _dropped[key] = count + 1;
            }
        }

        _queue.AddLast(new Pending(marketEvent, null, kind));
        _full++;
        return firstDrop;
    }

    /// <summary>Takes the next event to hand over, or null when nothing is waiting.</summary>
    public object? Take()
    {
        if (_queue.First is not { } node)
        {
            return null;
        }

        _queue.RemoveFirst();
        if (node.Value.Key is { } key)
        {
            _conflated.Remove(key);
        }
        else
        {
            _full--;
        }

        return node.Value.Message;
    }

    /// <summary>The drops counted since the last call, per symbol and kind; empties the count.</summary>
    public IReadOnlyList<(MarketDataKind Kind, Symbol Symbol, long Dropped)> TakeDrops()
    {
        if (_dropped.Count == 0)
        {
            return [];
        }

        var drops = _dropped.Select(d => (d.Key.Kind, d.Key.Symbol, d.Value)).ToList();
        _dropped.Clear();
        return drops;
    }

    /// <summary>Forgets what is pending for one symbol and kind (the subscriber unsubscribed).</summary>
    public void Remove(Symbol symbol, MarketDataKind kind)
    {
        var node = _queue.First;
        while (node is not null)
        {
            var next = node.Next;
            if (node.Value.Message is IMarketDataEvent e && e.Symbol == symbol && node.Value.Kind == kind)
            {
                _queue.Remove(node);
                if (node.Value.Key is null)
                {
                    _full--;
                }
            }

            node = next;
        }

        _conflated.Remove((kind, symbol));
    }

    private void Conflate((MarketDataKind Kind, Symbol Symbol) key, object message)
    {
        if (_conflated.TryGetValue(key, out var node))
        {
            node.Value.Message = message;
            return;
        }

        _conflated[key] = _queue.AddLast(new Pending(message, key));
    }

    /// <summary>One waiting event; a conflated one has its <see cref="Message"/> replaced in place.</summary>
    private sealed class Pending(object message, (MarketDataKind Kind, Symbol Symbol)? key, MarketDataKind kind)
    {
        public Pending(object message, (MarketDataKind Kind, Symbol Symbol) key)
            : this(message, key, key.Kind)
        {
        }

        public object Message { get; set; } = message;

        public (MarketDataKind Kind, Symbol Symbol)? Key { get; } = key;

        public MarketDataKind Kind { get; } = kind;
    }
}
