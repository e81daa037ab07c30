using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Matching;
using Engine.Simulator.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// The Toobit simulator (<c>docs/protocols/toobit-rest.md</c>): the REST API under <c>/api/v1/...</c> and
/// <c>/quote/v1/...</c> and the listen-key user stream at <c>/api/v1/ws/{listenKey}</c>, on one Kestrel port. Spot and
/// USDT-M futures match in the shared <see cref="MatchingEngine"/>. All venue state (engine, market, orders, trades,
/// listen keys, limits, streams) is guarded by one lock; pushes are queued to each stream under it. The quote WebSocket
/// <c>/quote/ws/v1</c> publishes the same synthetic market (<c>ToobitSimulator.Quotes*.cs</c>).
/// </summary>
public sealed partial class ToobitSimulator : MatchingVenueSimulator
{
    private readonly ToobitOptions venue;
    private readonly ILogger logger;
    private readonly ToobitRateLimiter limiter;
    private readonly ToobitListenKeys listenKeys;
    private readonly Dictionary<long, ToobitOrder> orders = [];
    private readonly List<ToobitTrade> trades = [];
    private readonly Dictionary<(string Account, string Symbol), int> leverage = [];
    private readonly SocketHub<ToobitStreamSession> streams;
    private readonly SocketHub<ToobitQuoteSession> quoteSockets;
    private readonly Dictionary<string, ToobitRoute> routes;
    private long nextTradeId;
    private long nextClientId = 1;
    private bool rejectNonGtc;

    /// <summary>Creates the venue; nothing runs until <see cref="Start"/> and the host maps the endpoints.</summary>
    public ToobitSimulator(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
        : base(options, time, ToobitSymbols.Rules, ToobitSymbols.Market, options.Toobit.FirstOrderId, options.Toobit.FirstOrderId)
    {
        venue = options.Toobit;
        logger = loggerFactory.CreateLogger<ToobitSimulator>();
        streams = new SocketHub<ToobitStreamSession>(gate, new SocketDeadlines(time));
        quoteSockets = new SocketHub<ToobitQuoteSession>(gate, new SocketDeadlines(time));
        limiter = new ToobitRateLimiter(venue);
        listenKeys = new ToobitListenKeys(venue.ListenKeyLifetime);
        nextTradeId = venue.FirstOrderId;
        rejectNonGtc = venue.RejectNonGtcSpot;
        routes = BuildRoutes();
    }

    /// <inheritdoc />
    public override string Venue => "toobit";

    /// <inheritdoc />
    public override string WebSocketPath => "/api/v1/ws";

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/v1/{**rest}", HandleHttpAsync);
        endpoints.Map("/quote/v1/{**rest}", HandleHttpAsync);
        endpoints.Map("/quote/ws/v1", HandleQuoteStreamAsync);
    }

    /// <summary>Starts the market tick and the once-a-second sweep of listen keys and streams.</summary>
    public override void Start()
    {
        base.Start();
        Every(TimeSpan.FromSeconds(1), Sweep);
    }

    /// <summary>
    /// Control <c>/_control/state</c> for Toobit: each code acts on every open stream. 1 = close normally; 2 = abort
    /// (no close handshake); 3 = revoke every listen key (its streams close; the next PUT gets -1125). An empty list
    /// means 1. Returns the number of streams reached.
    /// </summary>
    public override Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken) =>
        PlayStateCodesAsync(injection, [1], ActOnOpen, cancellationToken);

    /// <inheritdoc />
    public override JsonElement GetQuirks()
    {
        lock (gate)
        {
            return FlagQuirk("reject_non_gtc_spot", rejectNonGtc);
        }
    }

    /// <inheritdoc />
    public override bool SetQuirks(JsonElement quirks) => SetFlagQuirk(quirks, "reject_non_gtc_spot", ref rejectNonGtc);

    /// <inheritdoc />
    private protected override void OnQuote(string symbol, DateTimeOffset now)
    {
        Deliver(Render(engine.OnQuote(market.Quote(symbol)!, now), now));
        PublishQuotes(symbol, now);
    }

    /// <inheritdoc />
    private protected override async ValueTask DisposeSocketsAsync()
    {
        await streams.DisposeAsync();
        await quoteSockets.DisposeAsync();
    }

    /// <summary>Acts with <paramref name="code"/> on every open stream, under the lock; returns how many there were.</summary>
    private int ActOnOpen(int code)
    {
        var targets = streams.Open();
        foreach (var session in targets)
        {
            switch (code)
            {
                case 2:
                    session.Abort();
                    break;
                case 3:
                    listenKeys.Remove(session.ListenKey, null);
                    session.Close();
                    break;
                default:
                    session.Close();
                    break;
            }
        }

        return targets.Count;
    }

    /// <summary>Expires listen keys and closes idle, too old or orphaned streams.</summary>
    private void Sweep()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            listenKeys.Expire(now);
            foreach (var session in streams.Open())
            {
                var reason = listenKeys.Owner(session.ListenKey, now) is null ? "listen key expired or deleted"
                    : now - session.LastPingAt >= venue.StreamIdleTimeout ? "no ping"
                    : now - session.ConnectedAt >= venue.StreamMaxAge ? "connection age limit"
                    : null;
                if (reason is not null)
                {
                    ToobitLog.Closing(logger, session.Id, reason);
                    session.Close();
                }
            }

            foreach (var session in quoteSockets.Open().Where(s => now - s.LastHeardAt >= venue.QuoteIdleTimeout))
            {
                ToobitLog.Closing(logger, session.Id, "quote socket silent");
                session.Close();
            }
        }
    }

    private int LeverageOf(string accountId, string symbol) =>
        leverage.TryGetValue((accountId, symbol), out var value) ? value : ToobitSymbols.DefaultLeverage;
}
