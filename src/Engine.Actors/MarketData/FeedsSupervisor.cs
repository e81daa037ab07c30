using Akka.Actor;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// Parent of every market-data feed (<c>/user/engine/feeds</c>): one <see cref="FeedActor"/> per enabled feed, named
/// after it. Routes <see cref="SubscribeMarketData"/> and <see cref="UnsubscribeMarketData"/> by feed name with
/// <c>Forward</c> (the subscriber is the original sender); an unknown or disabled feed is answered with
/// <see cref="MarketDataSubscriptionRejected"/> naming the configured ones. A feed's socket failures are contained below it
/// (its session runs behind a backoff supervisor). Owns the HTTP client the feeds fetch book snapshots with.
/// </summary>
public sealed class FeedsSupervisor : ReceiveActor, IDisposable
{
    /// <summary>Name of the feeds child of the engine supervisor.</summary>
    public const string Name = "feeds";

    private readonly FeedsSettings _settings;
    private readonly Dictionary<FeedId, IActorRef> _feeds = [];
    private readonly HttpClient _http = new();

    /// <summary>Created by <see cref="Props"/>.</summary>
    public FeedsSupervisor(FeedsSettings settings)
    {
        _settings = settings;
        Receive<SubscribeMarketData>(m => Route(m.Feed, m, why => new MarketDataSubscriptionRejected(m.Feed, m.Symbol, m.Kind, why)));
        Receive<UnsubscribeMarketData>(m => Route(m.Feed, m, null));
    }

    /// <summary>Props of the supervisor of <paramref name="settings"/>' feeds.</summary>
    public static Props Props(FeedsSettings settings) => Akka.Actor.Props.Create(() => new FeedsSupervisor(settings));

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var options in _settings.Feeds.Where(f => f.Enabled))
        {
            var http = _http;
            var codec = _settings.Codec;
            var venue = codec(options, http);
            var sockets = _settings.SocketFactory ?? (() => venue.PrepareSocket(KeepAliveSocket(options.KeepAliveInterval)));
            var maxStreams = venue.MaxStreams;
            var feed = Context.ActorOf(
                FeedActor.Props(options, self => FeedSessionActor.Props(options, self, o => codec(o, http), sockets), maxStreams, _settings.Record),
                options.Name);
            _feeds[new FeedId(options.Name)] = feed;
        }
    }

    /// <inheritdoc />
    protected override void PostStop() => Dispose();

    /// <summary>Releases the snapshot HTTP client (called when the actor stops).</summary>
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// A feed that throws while handling one message resumes with the next: its state is the subscriber table, which a
    /// restart would lose (strategies would silently stop hearing). Socket and book failures never reach this level:
    /// they are contained by the session's own backoff supervisor.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decider.From(Directive.Resume));

    /// <summary>A socket that pings every <paramref name="interval"/> and gives up on a pong missing for as long (zero: no pings).</summary>
    private static System.Net.WebSockets.ClientWebSocket KeepAliveSocket(TimeSpan interval)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.KeepAliveInterval = interval;
        if (interval > TimeSpan.Zero)
        {
            socket.Options.KeepAliveTimeout = interval;
        }

        return socket;
    }

    private void Route(FeedId feed, object message, Func<string, object>? refusal)
    {
        if (_feeds.TryGetValue(feed, out var target))
        {
            target.Forward(message);
            return;
        }

        if (refusal is null)
        {
            return;
        }

        var configured = _settings.Feeds.Select(f => f.Enabled ? f.Name : f.Name + " (disabled)");
        Sender.Tell(refusal($"unknown or disabled feed '{feed}'; configured feeds: {string.Join(", ", configured)}"), Self);
    }
}
