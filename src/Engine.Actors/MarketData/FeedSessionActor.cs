using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.MarketData.Books;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.MarketData;

/// <summary>
/// One feed's socket and books (child of the feed's backoff supervisor): states <c>Connecting</c> -> <c>Streaming</c>
/// -> <c>Waiting</c> (reconnect backoff on the engine clock, seeded jitter) -> <c>Connecting</c>. While streaming it
/// keeps the venue's streams equal to the feed's <see cref="FeedDemand"/> with live subscribe/unsubscribe frames,
/// sent through a <see cref="ControlGate"/> (the venue's incoming-message limit); decodes every frame with the venue's
/// <see cref="IFeedCodec"/>; hands quotes, trades and bars to the feed; runs each book through its
/// <see cref="IBookSynchronizer"/> (fetching snapshots when asked, logging and counting every resync) and hands the
/// feed only correctly sequenced book events. On a venue <c>serverShutdown</c> and before the venue's own cut
/// (<see cref="FeedOptions.MaxConnectionAge"/>) the socket is replaced make-before-break (the new one opens and
/// subscribes first, see <c>FeedSessionActor.Handover.cs</c>; books carry on); after
/// <see cref="FeedOptions.IdleTimeout"/> of silence with streams open it is dropped and reconnected, which rebuilds
/// every book from a fresh snapshot.
/// Server pings are answered by the WebSocket itself; a venue that wants a client heartbeat (Toobit <c>{"ping":ms}</c>)
/// gets it every <see cref="IFeedCodec.HeartbeatInterval"/>, and a missing answer replaces the socket. A frame that does
/// not decode is logged and skipped.
/// </summary>
public sealed partial class FeedSessionActor : ReceiveActor, IWithTimers
{
    private const string ReconnectKey = "reconnect";
    private const string ControlKey = "control";
    private const string IdleKey = "idle";
    private const string AgeKey = "age";
    private const string HeartbeatKey = "heartbeat";
    private const string PongKey = "pong";

    private readonly FeedOptions _options;
    private readonly IActorRef _feed;
    private readonly IFeedCodec _codec;
    private readonly Func<ClientWebSocket>? _socketFactory;
    private readonly FeedId _feedId;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private ControlGate _gate;
    private readonly Dictionary<string, (Symbol Symbol, MarketDataKind Kind)> _wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly Queue<byte[]> _control = new();
    private readonly Dictionary<Symbol, IBookSynchronizer> _books = [];
    private readonly HashSet<Symbol> _fetching = [];
    private IActorRef _transport = ActorRefs.Nobody;
    private int _generation;
    private int _lastGeneration;
    private int _reconnectAttempt;
    private long _nextControlId = 1;
    private DateTimeOffset _lastFrame;

    /// <summary>Created by <see cref="Props"/>.</summary>
    public FeedSessionActor(FeedOptions options, IActorRef feed, Func<FeedOptions, IFeedCodec> codecFactory, Func<ClientWebSocket>? socketFactory)
    {
        _options = options;
        _feed = feed;
        _codec = codecFactory(options);
        _socketFactory = socketFactory;
        _feedId = new FeedId(options.Name);
        _time = Context.Engine().Time;
        _log = Context.CreateLogger<FeedSessionActor>();
        _gate = new ControlGate(options.MaxControlMessagesPerSecond);
        Connecting();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Resyncs of every book of this incarnation (gaps found).</summary>
    public long Resyncs { get; private set; }

    /// <summary>Props; <paramref name="codecFactory"/> builds the venue codec inside each incarnation.</summary>
    public static Props Props(FeedOptions options, IActorRef feed, Func<FeedOptions, IFeedCodec> codecFactory, Func<ClientWebSocket>? socketFactory = null) =>
        Akka.Actor.Props.Create(() => new FeedSessionActor(options, feed, codecFactory, socketFactory));

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Events still held for the feed go to it before the session stops.</summary>
    protected override void PostStop() => TellHeld();

    /// <inheritdoc />
    protected override void PreStart()
    {
        _transport = Context.ActorOf(TransportActor.Props(_socketFactory, Self), "transport");
        _feed.Tell(FeedSessionStarted.Instance, Self);
        Connect();
    }

    private void Connecting()
    {
        Receive<FeedDemand>(SetDemand);
        Receive<TransportActor.Connected>(c => c.Generation == _generation, _ => OnConnected());
        Receive<TransportActor.Closed>(c => c.Generation == _generation, c => Lost($"connect failed: {c.Reason}"));
        Receive<TransportActor.FrameReceived>(_ => { });
        Receive<TransportActor.Closed>(_ => { });
        Receive<TransportActor.Connected>(_ => { });
        ReceiveStale();
    }

    private void Streaming()
    {
        Receive<FeedDemand>(d =>
        {
            SetDemand(d);
            Sync();
        });
        Receive<TransportActor.FrameReceived>(f => f.Generation == _generation, OnFrame);
        Receive<TransportActor.Closed>(c => c.Generation == _generation, c => Lost($"socket closed ({c.Status?.ToString() ?? "no close frame"}): {c.Reason}"));
        Receive<TransportActor.FrameReceived>(_ => { });
        Receive<TransportActor.Closed>(_ => { });
        Receive<TransportActor.Connected>(_ => { });
        Receive<ControlDue>(_ => Flush());
        Receive<IdleCheck>(_ => CheckIdle());
        Receive<HeartbeatDue>(_ => SendHeartbeat());
        Receive<PongMissing>(p => p.Generation == _generation, _ => Replace($"no heartbeat answer within {_codec.HeartbeatTimeout}"));
        Receive<AgeReached>(a => a.Generation == _generation, _ => HandOver($"connection age {_options.MaxConnectionAge} reached (the venue cuts at 24 h)"));
        Receive<SnapshotFetched>(s => s.Generation == _generation, OnSnapshot);
        Receive<SnapshotFailed>(s => s.Generation == _generation, OnSnapshotFailed);
        Receive<SnapshotRetry>(r => r.Generation == _generation, r => Fetch(r.Symbol));
        ReceiveStale();
    }

    private void Waiting()
    {
        Receive<FeedDemand>(SetDemand);
        Receive<ReconnectDue>(r => r.Generation == _generation, _ => Connect());
        Receive<TransportActor.FrameReceived>(_ => { });
        Receive<TransportActor.Closed>(_ => { });
        Receive<TransportActor.Connected>(_ => { });
        ReceiveStale();
    }

    /// <summary>The publish marker in any state; timer ticks and fetch results of an older socket.</summary>
    private void ReceiveStale()
    {
        Receive<PublishDue>(_ => PublishHeld());
        Receive<ControlDue>(_ => { });
        Receive<IdleCheck>(_ => { });
        Receive<HeartbeatDue>(_ => { });
        Receive<PongMissing>(_ => { });
        Receive<AgeReached>(_ => { });
        Receive<ReconnectDue>(_ => { });
        Receive<SnapshotFetched>(_ => { });
        Receive<SnapshotFailed>(_ => { });
        Receive<SnapshotRetry>(_ => { });
        Receive<HandoverDue>(_ => { });
        Receive<HandoverControlDue>(_ => { });
    }

    private void Connect()
    {
        _generation = ++_lastGeneration;
        LogConnecting(_log, _feedId, _codec.ConnectUri, _generation);
        _transport.Tell(new TransportActor.Connect(_codec.ConnectUri, _generation), Self);
        Become(Connecting);
    }

    private void OnConnected()
    {
        _reconnectAttempt = 0;
        _lastFrame = Now;
        _active.Clear();
        _control.Clear();
        _gate.Reset();
        _fetching.Clear();
        foreach (var book in _books.Values)
        {
            book.Reset();
        }

        LogConnected(_log, _feedId, _generation);
        Timers.StartSingleTimer(AgeKey, new AgeReached(_generation), _options.MaxConnectionAge);
        if (_options.IdleTimeout > TimeSpan.Zero)
        {
            Timers.StartPeriodicTimer(IdleKey, IdleCheck.Instance, _options.IdleTimeout);
        }

        if (_codec.HeartbeatInterval > TimeSpan.Zero)
        {
            Timers.StartPeriodicTimer(HeartbeatKey, HeartbeatDue.Instance, _codec.HeartbeatInterval);
        }

        Become(Streaming);
        Sync();
    }

    private void SetDemand(FeedDemand demand)
    {
        _wanted.Clear();
        foreach (var (symbol, kind) in demand.Wanted)
        {
            _wanted[_codec.Topic(symbol, kind)] = (symbol, kind);
        }

        foreach (var symbol in _books.Keys.Where(s => !demand.Wanted.Contains((s, MarketDataKind.Book))).ToList())
        {
            _books.Remove(symbol);
            _fetching.Remove(symbol);
        }

        foreach (var (symbol, kind) in demand.Wanted.Where(w => w.Kind == MarketDataKind.Book && !_books.ContainsKey(w.Symbol)))
        {
            _books[symbol] = _codec.CreateBook(symbol);
        }
    }

    /// <summary>Queues one SUBSCRIBE for what is wanted and not open, one UNSUBSCRIBE for what is open and not wanted.</summary>
    private void Sync()
    {
        var add = _wanted.Keys.Where(t => !_active.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var remove = _active.Where(t => !_wanted.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        foreach (var batch in remove.Chunk(200))
        {
            EnqueueControl(_codec.UnsubscribeFrames(batch, NextControlId));
            _active.ExceptWith(batch);
        }

        foreach (var batch in add.Chunk(200))
        {
            EnqueueControl(_codec.SubscribeFrames(batch, NextControlId));
            _active.UnionWith(batch);
        }

        if (add.Count + remove.Count > 0)
        {
            LogStreams(_log, _feedId, add.Count, remove.Count, _active.Count);
        }

        Flush();
    }

    private long NextControlId() => _nextControlId++;

    private void EnqueueControl(IReadOnlyList<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            _control.Enqueue(frame);
        }
    }

    /// <summary>The codec's heartbeat goes out through the control gate; its answer must come within the codec's timeout.</summary>
    private void SendHeartbeat()
    {
        _control.Enqueue(_codec.EncodeHeartbeat(Now));
        Flush();
        if (!Timers.IsTimerActive(PongKey))
        {
            Timers.StartSingleTimer(PongKey, new PongMissing(_generation), _codec.HeartbeatTimeout);
        }
    }

    private void Flush()
    {
        while (_control.Count > 0)
        {
            var now = Now;
            if (!_gate.TryTake(now))
            {
                Timers.StartSingleTimer(ControlKey, ControlDue.Instance, _gate.NextAt(now) - now);
                return;
            }

            _transport.Tell(new TransportActor.Send(_control.Dequeue()), Self);
        }
    }

    private void OnFrame(TransportActor.FrameReceived received)
    {
        _lastFrame = received.ReceivedAt;
        FeedInbound inbound;
        try
        {
            inbound = _codec.Decode(received.Frame, received.ReceivedAt);
        }
        catch (FormatException ex)
        {
            LogBadFrame(_log, _feedId, ex.Message);
            return;
        }

        Dispatch(inbound, received.ReceivedAt);
    }

    private void Dispatch(FeedInbound inbound, DateTimeOffset receivedAt)
    {
        switch (inbound)
        {
            case FeedInbound.Many many:
                foreach (var item in many.Items)
                {
                    Dispatch(item, receivedAt);
                }

                break;
            case FeedInbound.Heartbeat:
                Timers.Cancel(PongKey);
                break;
            case FeedInbound.Market market:
                Publish(market.Event);
                break;
            case FeedInbound.Book book:
                OnBookInput(book.Input, receivedAt);
                break;
            case FeedInbound.ControlReply { Error: { } error } reply:
                LogControlRefused(_log, _feedId, reply.Id, error);
                break;
            case FeedInbound.ServerShutdown:
                HandOver("the venue announced serverShutdown");
                break;
        }
    }

    private void CheckIdle()
    {
        if (_active.Count > 0 && Now - _lastFrame >= _options.IdleTimeout)
        {
            Replace($"no frame for {Now - _lastFrame} with {_active.Count} streams open");
        }
    }

    /// <summary>Replaces a live socket at once (no backoff): the venue asked for it or it is due.</summary>
    private void Replace(string reason)
    {
        LogReplacing(_log, _feedId, reason);
        _transport.Tell(new TransportActor.Close(reason, ForEveryone: true), Self);
        StopTimers();
        Connect();
    }

    private void Lost(string reason)
    {
        StopTimers();
        TimeSpan delay;
        var random = Context.Engine().Random;
        lock (random)
        {
            delay = ReconnectBackoff(random);
        }

        _reconnectAttempt++;
        LogLost(_log, _feedId, reason, delay);
        Timers.StartSingleTimer(ReconnectKey, new ReconnectDue(_generation), delay);
        Become(Waiting);
    }

    private TimeSpan ReconnectBackoff(Random random) =>
        Connections.Policies.ReconnectBackoff.Delay(_reconnectAttempt, _options.ReconnectMinBackoff, _options.ReconnectMaxBackoff, _options.ReconnectRandomFactor, random);

    private void StopTimers()
    {
        Timers.Cancel(AgeKey);
        Timers.Cancel(IdleKey);
        Timers.Cancel(ControlKey);
        Timers.Cancel(HeartbeatKey);
        Timers.Cancel(PongKey);
    }

    private sealed record ControlDue
    {
        public static readonly ControlDue Instance = new();
    }

    private sealed record IdleCheck
    {
        public static readonly IdleCheck Instance = new();
    }

    private sealed record HeartbeatDue
    {
        public static readonly HeartbeatDue Instance = new();
    }

    private sealed record PongMissing(int Generation);

    private sealed record AgeReached(int Generation);

    private sealed record ReconnectDue(int Generation);

    private sealed record SnapshotFetched(int Generation, Symbol Symbol, BookSnapshotData Snapshot, DateTimeOffset At);

    private sealed record SnapshotFailed(int Generation, Symbol Symbol, string Reason);

    private sealed record SnapshotRetry(int Generation, Symbol Symbol);
}
