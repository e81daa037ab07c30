using System.Text.Json;
using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
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
public sealed partial class ToobitSimulator : IVenueSimulator
{
    private readonly Lock gate = new();
    private readonly SimulatorOptions options;
    private readonly ToobitOptions venue;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly MatchingEngine engine;
    private readonly SyntheticMarket market;
    private readonly ToobitRateLimiter limiter;
    private readonly ToobitListenKeys listenKeys;
    private readonly Dictionary<string, SimAccount> accountsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ToobitOrder> orders = [];
    private readonly List<ToobitTrade> trades = [];
    private readonly Dictionary<(string Account, string Symbol), int> leverage = [];
    private readonly SocketHub<ToobitStreamSession> streams;
    private readonly SocketHub<ToobitQuoteSession> quoteSockets;
    private readonly Dictionary<string, ToobitRoute> routes;
    private readonly List<ITimer> timers = [];
    private long nextTradeId;
    private long nextClientId = 1;
    private bool rejectNonGtc;

    /// <summary>Creates the venue; nothing runs until <see cref="Start"/> and the host maps the endpoints.</summary>
    public ToobitSimulator(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        this.options = options;
        venue = options.Toobit;
        this.time = time;
        logger = loggerFactory.CreateLogger<ToobitSimulator>();
        streams = new SocketHub<ToobitStreamSession>(gate, new SocketDeadlines(time));
        quoteSockets = new SocketHub<ToobitQuoteSession>(gate, new SocketDeadlines(time));
        Faults = new FaultPlan(options.Faults);
        limiter = new ToobitRateLimiter(venue);
        listenKeys = new ToobitListenKeys(venue.ListenKeyLifetime);
        engine = new MatchingEngine(new FeeSchedule(options.Fees.MakerRate, options.Fees.TakerRate), venue.FirstOrderId, venue.FirstOrderId);
        nextTradeId = venue.FirstOrderId;
        foreach (var rules in ToobitSymbols.Rules)
        {
            engine.AddSymbol(rules);
        }

        foreach (var account in options.Accounts)
        {
            accountsByKey[account.ApiKey] = engine.AddAccount(account);
        }

        market = new SyntheticMarket(options.Market, ToobitSymbols.Market, new Random(options.Market.Seed));
        rejectNonGtc = venue.RejectNonGtcSpot;
        routes = BuildRoutes();
    }

    /// <inheritdoc />
    public string Venue => "toobit";

    /// <inheritdoc />
    public string WebSocketPath => "/api/v1/ws";

    /// <inheritdoc />
    public FaultPlan Faults { get; }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/v1/{**rest}", HandleHttpAsync);
        endpoints.Map("/quote/v1/{**rest}", HandleHttpAsync);
        endpoints.Map("/quote/ws/v1", HandleQuoteStreamAsync);
    }

    /// <inheritdoc />
    public void Start()
    {
        if (options.Market.TickInterval > TimeSpan.Zero)
        {
            timers.Add(time.CreateTimer(_ => ApplyMarket(new MarketCommand { Steps = 1 }), null, options.Market.TickInterval, options.Market.TickInterval));
        }

        timers.Add(time.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// Control <c>/_control/state</c> for Toobit: each code acts on every open stream. 1 = close normally; 2 = abort
    /// (no close handshake); 3 = revoke every listen key (its streams close; the next PUT gets -1125). An empty list
    /// means 1. Returns the number of streams reached.
    /// </summary>
    public async Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken)
    {
        var codes = injection.Codes.Count == 0 ? [1] : injection.Codes;
        var reached = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            if (i > 0 && injection.IntervalMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(injection.IntervalMs), time, cancellationToken);
            }

            lock (gate)
            {
                var targets = streams.Open();
                reached = Math.Max(reached, targets.Count);
                foreach (var session in targets)
                {
                    switch (codes[i])
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
            }
        }

        return reached;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, decimal> ApplyMarket(MarketCommand command)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (command.Symbol is not null && command.Mid is { } mid && market.SetMid(command.Symbol, mid))
            {
                Deliver(Render(engine.OnQuote(market.Quote(command.Symbol)!, now), now));
                PublishQuotes(command.Symbol, now);
            }

            for (var i = 0; i < command.Steps; i++)
            {
                market.Step();
                foreach (var symbol in market.Walking)
                {
                    Deliver(Render(engine.OnQuote(market.Quote(symbol)!, now), now));
                    PublishQuotes(symbol, now);
                }
            }

            return market.Symbols.ToDictionary(s => s, s => market.Mid(s)!.Value, StringComparer.Ordinal);
        }
    }

    /// <inheritdoc />
    public void FollowMarket(IReadOnlyCollection<string> symbols)
    {
        lock (gate)
        {
            market.Follow(symbols);
        }
    }

    /// <inheritdoc />
    public VenueTruth GetTruth()
    {
        lock (gate)
        {
            return VenueTruth.Of(engine);
        }
    }

    /// <inheritdoc />
    public JsonElement GetQuirks()
    {
        lock (gate)
        {
            return JsonSerializer.SerializeToElement(new { reject_non_gtc_spot = rejectNonGtc }, ControlJson.Options);
        }
    }

    /// <inheritdoc />
    public bool SetQuirks(JsonElement quirks)
    {
        if (quirks.ValueKind != JsonValueKind.Object || !quirks.TryGetProperty("reject_non_gtc_spot", out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        lock (gate)
        {
            rejectNonGtc = flag.GetBoolean();
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var timer in timers)
        {
            await timer.DisposeAsync();
        }

        await streams.DisposeAsync();
        await quoteSockets.DisposeAsync();
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
