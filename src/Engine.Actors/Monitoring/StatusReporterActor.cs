using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.MarketData;
using Engine.Actors.Runtime;
using Engine.Actors.Supervision;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Monitoring;

/// <summary>
/// Logs one status line per login every interval; a projection of the order journal plus live events. A thin shell:
/// all logic is in <see cref="StatusBoard"/>.
/// <para>
/// Start-up, when given a journal: it subscribes to every <see cref="IEngineEvent"/> on the event stream first, then
/// streams the journal's order events (<see cref="OrderJournalCatchUp"/>, Akka.Persistence.Query
/// <c>CurrentEventsByTag</c>) into itself in batches, each acknowledged before the next is sent, so the mailbox never
/// holds more than one batch. Live events arriving meanwhile are buffered. It applies the journaled events as they
/// come, then the buffered ones, then follows the event stream. Order books publish an event only after it committed,
/// so every order event is either in the catch-up read or arrives live after the subscription: no gap. An event both
/// journaled and seen live is counted once because the board runs order events through <see cref="Orders.OrderBook"/>
/// (a fill counts once per fill id, a repeated submit or transition changes nothing). Live events come from the event
/// stream, not from a live query: they carry what is never journaled (connection state) and arrive without a query's
/// polling delay. If the read fails (or the read journal cannot be found), it logs a warning and goes on with what it
/// applied and the live events. The read runs on this actor's materializer and stops with the actor.
/// </para>
/// <para>
/// <see cref="ConnectionStateChanged"/> is not journaled: connection state is live-only and starts Disconnected.
/// Without a journal the board sees only events published after it started. Answers <see cref="GetStatusLines"/> at
/// any time (during the catch-up, with what it has applied so far).
/// </para>
/// <para>
/// Given feed subscriptions, it subscribes to them at <c>/user/engine/feeds</c> (again on every tick until each is
/// confirmed, since the feeds may start after it; subscribing twice is harmless) and acknowledges every quote and trade
/// it is sent, so the feeds conflate for it like for a slow strategy. Positions whose pair a feed carries show the
/// feed's price and are marked at its mid.
/// </para>
/// </summary>
public sealed class StatusReporterActor : ReceiveActor, IWithTimers
{
    /// <summary>Journaled events handed to the actor per message during the catch-up.</summary>
    private const int CatchUpBatchSize = 256;

    private readonly StatusBoard _board;
    private readonly TimeSpan _interval;
    private readonly Func<ActorSystem, Source<IEngineEvent, NotUsed>>? _journaled;
    private readonly ILogger _log;
    private readonly List<IEngineEvent> _buffered = [];
    private readonly HashSet<SubscribeMarketData> _unconfirmed;
    private int _journaledCount;

    /// <summary>Created by the <c>Props</c> methods only.</summary>
    public StatusReporterActor(IEnumerable<LoginId> logins, TimeSpan interval, Func<ActorSystem, Source<IEngineEvent, NotUsed>>? journaled, IEnumerable<SubscribeMarketData> feeds)
    {
        _unconfirmed = [.. feeds];
        _board = new StatusBoard(logins);
        _interval = interval;
        _journaled = journaled;
        _log = Context.CreateLogger<StatusReporterActor>();
        if (journaled is null)
        {
            Live();
        }
        else
        {
            CatchingUp();
        }
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props listing <paramref name="logins"/> from the start and reporting every <paramref name="interval"/>; live events only.</summary>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval) => Props(logins, interval, (Func<ActorSystem, Source<IEngineEvent, NotUsed>>?)null);

    /// <summary>
    /// Props that first catch up from the order journal through the read journal plugin at
    /// <paramref name="readJournalPluginId"/> (e.g. <c>akka.persistence.query.journal.sql</c>), then follow live events.
    /// </summary>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval, string readJournalPluginId, IEnumerable<SubscribeMarketData>? feeds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(readJournalPluginId);
        return Props(logins, interval, system => OrderJournalCatchUp.Current(system, readJournalPluginId), feeds);
    }

    /// <summary>
    /// Props that catch up from the events of <paramref name="journaled"/> (created in the actor's system when it
    /// starts) when given, then follow live events; the quotes and trades of <paramref name="feeds"/> mark the positions.
    /// </summary>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval, Func<ActorSystem, Source<IEngineEvent, NotUsed>>? journaled, IEnumerable<SubscribeMarketData>? feeds = null)
    {
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var list = logins.ToList();
        var subscriptions = (feeds ?? []).ToList();
        return Akka.Actor.Props.Create(() => new StatusReporterActor(list, interval, journaled, subscriptions));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IEngineEvent));
        Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, _interval);
        SubscribeFeeds();
        if (_journaled is not null)
        {
            StartCatchUp(_journaled);
        }
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void StartCatchUp(Func<ActorSystem, Source<IEngineEvent, NotUsed>> journaled)
    {
        try
        {
            journaled(Context.System)
                .Grouped(CatchUpBatchSize)
                .RunWith(
                    Sink.ActorRefWithAck<IEnumerable<IEngineEvent>>(Self, CatchUpStarted.Instance, Ack.Instance, CatchUpCompleted.Instance, error => new CatchUpFailed(error)),
                    Context.Materializer());
        }
        catch (Exception ex)
        {
            // The read journal could not be created (missing or broken plugin configuration): the same as a failed read.
            Self.Tell(new CatchUpFailed(ex), Self);
        }
    }

    private void CatchingUp()
    {
        Receive<IEngineEvent>(_buffered.Add);
        Receive<CatchUpStarted>(_ => Sender.Tell(Ack.Instance, Self));
        Receive<IEnumerable<IEngineEvent>>(batch =>
        {
            foreach (var e in batch)
            {
                _board.Apply(e);
                _journaledCount++;
            }

            Sender.Tell(Ack.Instance, Self);
        });
        Receive<CatchUpCompleted>(_ =>
        {
            _log.CaughtUp(_journaledCount, _buffered.Count);
            GoLive();
        });
        Receive<CatchUpFailed>(failed =>
        {
            _log.CatchUpFailed(failed.Cause);
            GoLive();
        });
        Common();
    }

    /// <summary>Applies the live events buffered during the catch-up, in arrival order, then follows the event stream.</summary>
    private void GoLive()
    {
        foreach (var e in _buffered)
        {
            _board.Apply(e);
        }

        _buffered.Clear();
        Become(Live);
    }

    private void Live()
    {
        Receive<IEngineEvent>(_board.Apply);
        Common();
    }

    private void Common()
    {
        Receive<Tick>(_ =>
        {
            SubscribeFeeds();
            Report();
        });
        Receive<IMarketDataEvent>(marketEvent =>
        {
            _board.Apply(marketEvent);
            Sender.Tell(MarketDataDelivered.Instance, Self);
        });
        Receive<MarketDataSubscribed>(s => _unconfirmed.Remove(new SubscribeMarketData(s.Feed, s.Symbol, s.Kind)));
        Receive<MarketDataSubscriptionRejected>(r =>
        {
            _unconfirmed.Remove(new SubscribeMarketData(r.Feed, r.Symbol, r.Kind));
            _log.FeedRefused(r.Feed.ToString(), r.Symbol.ToString(), r.Kind.ToString(), r.Reason);
        });
        Receive<MarketDataOverflow>(_ => { });
        Receive<GetStatusLines>(_ => Sender.Tell(new StatusLines(_board.Render()), Self));
        Receive<GetStatusSnapshot>(_ => Sender.Tell(StatusSnapshot.Of(_board), Self));
    }

    private void SubscribeFeeds()
    {
        if (_unconfirmed.Count == 0)
        {
            return;
        }

        var feeds = Context.ActorSelection($"/user/{EngineSupervisor.Name}/{FeedsSupervisor.Name}");
        foreach (var subscribe in _unconfirmed)
        {
            feeds.Tell(subscribe, Self);
        }
    }

    private void Report()
    {
        foreach (var line in _board.Render())
        {
            _log.StatusLine(line);
        }
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }

    private sealed record CatchUpStarted
    {
        public static CatchUpStarted Instance { get; } = new();
    }

    private sealed record Ack
    {
        public static Ack Instance { get; } = new();
    }

    private sealed record CatchUpCompleted
    {
        public static CatchUpCompleted Instance { get; } = new();
    }

    private sealed record CatchUpFailed(Exception Cause);
}
