using System.Collections.Immutable;
using Akka.Actor;
using Akka.Pattern;
using Engine.Actors.MarketData.Books;
using Engine.Actors.MarketData.Recording;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.MarketData;

/// <summary>
/// One configured feed (<c>/user/engine/feeds/&lt;feed&gt;</c>): the subscribers and what they receive. Its child
/// <c>session</c> is a <see cref="BackoffSupervisor"/> around the <see cref="FeedSessionActor"/> that owns the socket
/// and the books; a session that crashes is recreated with backoff while the subscriptions, kept here, survive: the
/// new session asks for the <see cref="FeedDemand"/> and resubscribes. Every event is handed to each subscriber
/// through its <see cref="SubscriberOutbox"/>: one in flight until acknowledged, quotes and books conflated, trades
/// and bars in full within a bounded buffer (a warning when a subscriber falls behind). A mirror of each book (fed by
/// the same snapshots and deltas) gives a new book subscriber its first snapshot and a slow one the current state.
/// Subscribers are watched; one that stops is forgotten.
/// </summary>
public sealed partial class FeedActor : ReceiveActor, IDisposable
{
    private readonly FeedOptions _options;
    private readonly FeedId _feed;
    private readonly Func<IActorRef, Props> _sessionProps;
    private readonly int _maxStreams;
    private readonly ILogger _log;
    private readonly ImmutableHashSet<(Symbol Symbol, MarketDataKind Kind)> _configured;
    private readonly Dictionary<IActorRef, Subscriber> _subscribers = [];
    private readonly Dictionary<(Symbol Symbol, MarketDataKind Kind), HashSet<IActorRef>> _routes = [];
    private readonly Dictionary<Symbol, MirrorBook> _books = [];
    private readonly HashSet<IActorRef> _touched = [];
    private readonly RecordOptions _record;
    private IActorRef _session = ActorRefs.Nobody;
    private MarketDataRecorder? _recorder;

    /// <summary>Created by <see cref="Props"/>; <paramref name="sessionProps"/> builds the session given this feed's ref.</summary>
    public FeedActor(FeedOptions options, Func<IActorRef, Props> sessionProps, int maxStreams, RecordOptions? record = null)
    {
        _record = record ?? new RecordOptions();
        _options = options;
        _feed = new FeedId(options.Name);
        _sessionProps = sessionProps;
        _maxStreams = maxStreams;
        _log = Context.CreateLogger<FeedActor>();
        _configured = [.. options.Symbols.SelectMany(s => options.Channels.Select(k => (new Symbol(s), k)))];
        Receive<SubscribeMarketData>(OnSubscribe);
        Receive<UnsubscribeMarketData>(OnUnsubscribe);
        Receive<MarketDataDelivered>(_ => OnDelivered(Sender));
        Receive<FeedSessionStarted>(_ => Sender.Tell(Demand(), Self));
        Receive<IMarketDataEvent>(OnEvent);
        Receive<FeedEvents>(OnEvents);
        Receive<Terminated>(t => Forget(t.ActorRef));
    }

    /// <summary>Props of the feed; the session runs behind a backoff supervisor with the feed's reconnect bounds.</summary>
    public static Props Props(FeedOptions options, Func<IActorRef, Props> sessionProps, int maxStreams, RecordOptions? record = null) =>
        Akka.Actor.Props.Create(() => new FeedActor(options, sessionProps, maxStreams, record));

    /// <inheritdoc />
    protected override void PreStart()
    {
        var backoff = Backoff.OnFailure(_sessionProps(Self), "session", _options.ReconnectMinBackoff, _options.ReconnectMaxBackoff, _options.ReconnectRandomFactor, maxNrOfRetries: -1)
            .WithSupervisorStrategy(new OneForOneStrategy(Decider.From(Directive.Restart)));
        _session = Context.ActorOf(BackoffSupervisor.Props(backoff), "session");
        if (_record.Enabled)
        {
            _recorder = new MarketDataRecorder(_record, _options.Name, _options.Venue, Context.Engine().Time);
            LogRecording(_log, _feed, Path.GetFullPath(Path.Combine(_record.Path, _options.Name)));
        }

        LogStarted(_log, _feed, _options.Venue, _configured.Count);
    }

    /// <summary>
    /// Drains the recorder: what was queued is written and its file closed (bounded wait, so a stuck disk cannot hold
    /// the shutdown), and the drops of the run are reported.
    /// </summary>
    protected override void PostStop() => Dispose();

    /// <summary>Drains and closes the recorder (see <see cref="PostStop"/>); idempotent.</summary>
    public void Dispose()
    {
        if (_recorder is null)
        {
            return;
        }

        if (!_recorder.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)))
        {
            LogRecorderSlow(_log, _feed);
        }

        if (_recorder.Dropped > 0)
        {
            LogRecordDrops(_log, _feed, _recorder.Dropped, _record.QueueCapacity);
        }

        _recorder = null;
    }

    private FeedDemand Demand() => new([.. _configured, .. _routes.Keys]);

    private void OnSubscribe(SubscribeMarketData subscribe)
    {
        var key = (subscribe.Symbol, subscribe.Kind);
        if (subscribe.Symbol.IsEmpty)
        {
            Sender.Tell(new MarketDataSubscriptionRejected(_feed, subscribe.Symbol, subscribe.Kind, "the symbol is empty; expected the venue's spelling, e.g. BTCUSDT"), Self);
            return;
        }

        if (!FeedVenues.Carries(_options.Venue, subscribe.Kind))
        {
            Sender.Tell(new MarketDataSubscriptionRejected(_feed, subscribe.Symbol, subscribe.Kind, $"feed '{_feed}' ({_options.Venue}) does not carry {subscribe.Kind}; expected one of: {string.Join(", ", FeedVenues.Kinds(_options.Venue))}"), Self);
            return;
        }

        var newStream = !_configured.Contains(key) && !_routes.ContainsKey(key);
        if (newStream && Demand().Wanted.Count >= _maxStreams)
        {
            Sender.Tell(new MarketDataSubscriptionRejected(_feed, subscribe.Symbol, subscribe.Kind, $"feed '{_feed}' already carries {_maxStreams} streams, the most one {_options.Venue} connection allows"), Self);
            return;
        }

        if (!_subscribers.TryGetValue(Sender, out var subscriber))
        {
            subscriber = new Subscriber(new SubscriberOutbox(_options.SubscriberBuffer));
            _subscribers[Sender] = subscriber;
            Context.Watch(Sender);
        }

        if (!_routes.TryGetValue(key, out var routes))
        {
            routes = [];
            _routes[key] = routes;
        }

        var added = routes.Add(Sender);
        subscriber.Keys.Add(key);
        Sender.Tell(new MarketDataSubscribed(_feed, subscribe.Symbol, subscribe.Kind), Self);
        if (added && subscribe.Kind == MarketDataKind.Book && _books.TryGetValue(subscribe.Symbol, out var book) && book.Synced)
        {
            subscriber.Outbox.OfferBook(book.Snapshot(_feed, subscribe.Symbol, false), book.Snapshotter(_feed, subscribe.Symbol));
            Pump(Sender, subscriber);
        }

        if (newStream)
        {
            LogSubscribed(_log, _feed, subscribe.Symbol, subscribe.Kind);
            _session.Tell(Demand(), Self);
        }
    }

    private void OnUnsubscribe(UnsubscribeMarketData unsubscribe)
    {
        var key = (unsubscribe.Symbol, unsubscribe.Kind);
        if (_subscribers.TryGetValue(Sender, out var subscriber) && subscriber.Keys.Remove(key))
        {
            subscriber.Outbox.Remove(unsubscribe.Symbol, unsubscribe.Kind);
            Unroute(Sender, key);
        }
    }

    private void Forget(IActorRef gone)
    {
        if (!_subscribers.Remove(gone, out var subscriber))
        {
            return;
        }

        foreach (var key in subscriber.Keys)
        {
            Unroute(gone, key);
        }
    }

    private void Unroute(IActorRef subscriber, (Symbol Symbol, MarketDataKind Kind) key)
    {
        if (!_routes.TryGetValue(key, out var routes) || !routes.Remove(subscriber) || routes.Count > 0)
        {
            return;
        }

        _routes.Remove(key);
        if (!_configured.Contains(key))
        {
            LogUnsubscribed(_log, _feed, key.Symbol, key.Kind);
            if (key.Kind == MarketDataKind.Book)
            {
                _books.Remove(key.Symbol);
            }

            _session.Tell(Demand(), Self);
        }
    }

    private void OnEvent(IMarketDataEvent marketEvent)
    {
        if (Offer(marketEvent) is { } routes)
        {
            foreach (var target in routes)
            {
                Pump(target, _subscribers[target]);
            }
        }
    }

    /// <summary>A burst from the session: every event offered in order, then each subscriber it reached pumped once.</summary>
    private void OnEvents(FeedEvents batch)
    {
        _touched.Clear();
        foreach (var marketEvent in batch.Events)
        {
            if (Offer(marketEvent) is { } routes)
            {
                foreach (var target in routes)
                {
                    _touched.Add(target);
                }
            }
        }

        foreach (var target in _touched)
        {
            Pump(target, _subscribers[target]);
        }

        _touched.Clear();
    }

    /// <summary>Records and mirrors one event and queues it in each subscriber's outbox; returns who it reached, or null.</summary>
    private HashSet<IActorRef>? Offer(IMarketDataEvent marketEvent)
    {
        var kind = marketEvent switch
        {
            QuoteTick => MarketDataKind.Quotes,
            TradeTick => MarketDataKind.Trades,
            Bar => MarketDataKind.Bars,
            TickerTick => MarketDataKind.Ticker,
            _ => MarketDataKind.Book,
        };
        if (_recorder is not null && !_recorder.TryRecord(marketEvent) && IsPowerOfTen(_recorder.Dropped))
        {
            LogRecordDrops(_log, _feed, _recorder.Dropped, _record.QueueCapacity);
        }

        MirrorBook? book = null;
        if (marketEvent is IOrderBookEvent bookEvent)
        {
            if (!_books.TryGetValue(bookEvent.Symbol, out book))
            {
                book = new MirrorBook();
                _books[bookEvent.Symbol] = book;
            }

            book.Apply(bookEvent);
        }

        if (!_routes.TryGetValue((marketEvent.Symbol, kind), out var routes))
        {
            return null;
        }

        foreach (var target in routes)
        {
            var subscriber = _subscribers[target];
            switch (marketEvent)
            {
                case QuoteTick or TickerTick:
                    subscriber.Outbox.OfferLatest(marketEvent, kind);
                    break;
                case IOrderBookEvent update:
                    subscriber.Outbox.OfferBook(update, book!.Snapshotter(_feed, update.Symbol));
                    break;
                default:
                    if (subscriber.Outbox.OfferInFull(marketEvent, kind))
                    {
                        LogFellBehind(_log, _feed, target.Path.ToString(), marketEvent.Symbol, kind, _options.SubscriberBuffer);
                    }

                    break;
            }
        }

        return routes;
    }

    private void OnDelivered(IActorRef from)
    {
        if (_subscribers.TryGetValue(from, out var subscriber))
        {
            subscriber.Outbox.InFlight = false;
            Pump(from, subscriber);
        }
    }

    private void Pump(IActorRef target, Subscriber subscriber)
    {
        if (subscriber.Outbox.InFlight)
        {
            return;
        }

        if (subscriber.Outbox.Take() is { } next)
        {
            subscriber.Outbox.InFlight = true;
            target.Tell(next, Self);
            return;
        }

        foreach (var (kind, symbol, dropped) in subscriber.Outbox.TakeDrops())
        {
            target.Tell(new MarketDataOverflow(_feed, symbol, kind, dropped), Self);
        }
    }

    private static bool IsPowerOfTen(long n)
    {
        while (n >= 10 && n % 10 == 0)
        {
            n /= 10;
        }

        return n == 1;
    }

    private sealed class Subscriber(SubscriberOutbox outbox)
    {
        public SubscriberOutbox Outbox { get; } = outbox;

        public HashSet<(Symbol Symbol, MarketDataKind Kind)> Keys { get; } = [];
    }

    /// <summary>The feed's copy of one book, as published: the source of first and conflated snapshots.</summary>
    private sealed class MirrorBook
    {
        private readonly LocalOrderBook _book = new();
        private long _updateId;
        private DateTimeOffset _eventTime;
        private DateTimeOffset _receivedAt;

        public bool Synced { get; private set; }

        public void Apply(IOrderBookEvent bookEvent)
        {
            switch (bookEvent)
            {
                case OrderBookSnapshot snapshot:
                    _book.Reset(snapshot.Bids, snapshot.Asks);
                    Synced = true;
                    break;
                case OrderBookDelta delta:
                    _book.Apply(delta.Bids, delta.Asks);
                    break;
            }

            _updateId = bookEvent.UpdateId;
            _eventTime = bookEvent.EventTime;
            _receivedAt = bookEvent.ReceivedAt;
        }

        public OrderBookSnapshot Snapshot(FeedId feed, Symbol symbol, bool resync) =>
            new(feed, symbol, _updateId, _book.Bids(), _book.Asks(), resync, _eventTime, _receivedAt);

        public Func<bool, OrderBookSnapshot> Snapshotter(FeedId feed, Symbol symbol) => resync => Snapshot(feed, symbol, resync);
    }
}
