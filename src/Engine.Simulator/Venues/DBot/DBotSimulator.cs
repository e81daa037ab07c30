using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// The DBot trading-bot simulator (<c>docs/protocols/dbot.md</c>): the trading WebSocket at <c>/trade/ws</c> and
/// <c>/trade/ws/</c> (RPC envelopes, the trade-result subscription, heartbeat and idle close) and the REST endpoints
/// under <c>/automation/...</c>, over one store of automation tasks per API key, with a seeded synthetic chain whose
/// leader wallets trade, so enabled follow orders copy them and trade results are pushed. All state is guarded by one
/// lock; frames are queued to each connection's writer under it, so per-connection order is the order of decisions.
/// </summary>
public sealed partial class DBotSimulator : IVenueSimulator
{
    private readonly Lock gate = new();
    private readonly DBotOptions venue;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Random random;
    private readonly DBotIds ids;
    private readonly Dictionary<string, DBotAccountState> accountsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> prices = new(StringComparer.Ordinal);
    private readonly HashSet<string> followed = new(StringComparer.Ordinal);
    private readonly SocketHub<DBotSession> sockets;
    private readonly SocketHub<DBotDataSession> dataSockets;
    private readonly List<ITimer> timers = [];
    private bool strictPing;
    private bool freePlan;
    private bool freePlanClosesSocket;
    private bool replyToBadInput;
    private double failRate;
    private long block = 250_000_000;

    /// <summary>Creates the venue; nothing runs until <see cref="Start"/> and the host maps the endpoints.</summary>
    public DBotSimulator(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        venue = options.DBot;
        this.time = time;
        logger = loggerFactory.CreateLogger<DBotSimulator>();
        random = new Random(venue.Seed);
        ids = new DBotIds(random);
        sockets = new SocketHub<DBotSession>(gate, new SocketDeadlines(time));
        dataSockets = new SocketHub<DBotDataSession>(gate, new SocketDeadlines(time));
        Faults = new FaultPlan(options.Faults);
        foreach (var account in options.Accounts)
        {
            accountsByKey[account.ApiKey] = new DBotAccountState(account);
        }

        foreach (var native in DBotChainCatalog.Natives.Values)
        {
            prices[native.Contract] = native.StartPriceUsd;
        }

        foreach (var token in DBotChainCatalog.Tokens)
        {
            prices[token.Asset.Contract] = token.Asset.StartPriceUsd;
        }

        strictPing = venue.StrictPing;
        freePlan = venue.FreePlan;
        freePlanClosesSocket = venue.FreePlanClosesSocket;
        replyToBadInput = venue.ReplyToBadInput;
        failRate = venue.FailRate;
    }

    /// <inheritdoc />
    public string Venue => "dbot";

    /// <inheritdoc />
    public string WebSocketPath => "/trade/ws";

    /// <inheritdoc />
    public FaultPlan Faults { get; }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Routing ignores a trailing slash: these routes serve /trade/ws and /trade/ws/, /data/ws and /data/ws/.
        endpoints.Map("/trade/ws", HandleWebSocketAsync);
        endpoints.Map("/data/ws", HandleDataSocketAsync);
        MapRest(endpoints);
        endpoints.MapGroup("/_control/dbot").RequireLocalCaller().MapGet("/connections", () => Results.Json(Connections(), ControlJson.Options));
    }

    /// <inheritdoc />
    public void Start()
    {
        var check = venue.IdleTimeout / 4;
        timers.Add(time.CreateTimer(_ => CloseIdle(), null, check, check));
        if (venue.ActivityInterval > TimeSpan.Zero)
        {
            timers.Add(time.CreateTimer(_ => ApplyMarket(new MarketCommand { Steps = 1 }), null, venue.ActivityInterval, venue.ActivityInterval));
        }
    }

    /// <summary>
    /// Control <c>/_control/state</c> for DBot: each code acts on every open connection. 1 = close with 1001 (going
    /// away, as on an idle timeout); 2 = close normally; 3 = abort (no close handshake). An empty list means 1.
    /// </summary>
    public Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(injection);
        var codes = injection.Codes.Count == 0 ? [1] : injection.Codes;
        lock (gate)
        {
            var targets = sockets.Open();
            foreach (var code in codes)
            {
                foreach (var session in targets)
                {
                    Act(session, code);
                }
            }

            return Task.FromResult(targets.Count);
        }
    }

    /// <summary>
    /// <c>/_control/market</c>: <see cref="MarketCommand.Symbol"/> (a token symbol or address) gets the USD price
    /// <see cref="MarketCommand.Mid"/> (TP/SL and limit tasks trigger on it), then <see cref="MarketCommand.Steps"/> chain
    /// rounds run (prices move, leaders trade, tasks trigger). Returns the USD prices by token symbol.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> ApplyMarket(MarketCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (command.Symbol is { } symbol && command.Mid is { } mid && Token(symbol) is { } token && mid > 0m)
            {
                prices[token.Asset.Contract] = mid;
                PublishPairInfo([token], now);
                Deliver(Triggers(now));
            }

            for (var i = 0; i < command.Steps; i++)
            {
                Deliver(Round(now));
            }

            return DBotChainCatalog.Tokens.ToDictionary(t => t.Asset.Symbol, t => prices[t.Asset.Contract], StringComparer.Ordinal);
        }
    }

    /// <inheritdoc />
    public void FollowMarket(IReadOnlyCollection<string> symbols)
    {
        lock (gate)
        {
            followed.UnionWith(symbols.Select(Token).OfType<DBotTokenSpec>().Select(t => t.Asset.Contract));
        }
    }

    /// <summary>
    /// One leader trade, as the chain would show it: every enabled follow order of every account that follows
    /// <paramref name="leader"/> and accepts the token copies it. Returns how many follow trades were made (each
    /// pushes one trade result). For tests and demos; <paramref name="token"/> is a symbol or address.
    /// </summary>
    public int LeaderTrade(string leader, string token, bool buy)
    {
        lock (gate)
        {
            var spec = Token(token) ?? throw new ArgumentException($"unknown token '{token}'", nameof(token));
            var notices = Copy(leader, spec, buy, time.GetUtcNow());
            Deliver(notices);
            return notices.Count;
        }
    }

    /// <summary>
    /// The open connections (<c>GET /_control/dbot/connections</c>): kind (<c>trading</c>/<c>data</c>), account, the
    /// Ping frames each received, and what it subscribed. For tests that check the engine's heartbeat reaches the venue.
    /// </summary>
    public IReadOnlyList<DBotConnectionInfo> Connections()
    {
        lock (gate)
        {
            return
            [
                .. sockets.Open().Select(s => new DBotConnectionInfo(s.Id, "trading", s.Account.Id, s.Pings, s.Filter is null ? [] : [.. s.Filter])),
                .. dataSockets.Open().Select(s => new DBotConnectionInfo(s.Id, "data", s.Account.Id, s.Pings, [.. s.TxPairs.Select(p => "tx:" + p), .. s.InfoPairs.Select(p => "pairInfo:" + p)])),
            ];
        }
    }

    /// <summary>The stored follow orders of an account (deep copies), for tests.</summary>
    public IReadOnlyList<JsonObject> FollowOrdersOf(string accountId)
    {
        lock (gate)
        {
            return accountsByKey.Values.Where(a => a.Id == accountId).SelectMany(a => a.FollowOrders).Select(o => o.DeepClone().AsObject()).ToList();
        }
    }

    /// <summary>DBot holds automation tasks, not exchange orders: no account has orders, fills or positions to compare.</summary>
    public VenueTruth GetTruth() => new([]);

    /// <inheritdoc />
    public JsonElement GetQuirks()
    {
        lock (gate)
        {
            return JsonSerializer.SerializeToElement(
                new { strict_ping = strictPing, free_plan = freePlan, free_plan_closes_socket = freePlanClosesSocket, reply_to_bad_input = replyToBadInput, fail_rate = failRate },
                ControlJson.Options);
        }
    }

    /// <inheritdoc />
    public bool SetQuirks(JsonElement quirks)
    {
        if (quirks.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        bool? Flag(string name) => quirks.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
        double? rate = quirks.TryGetProperty("fail_rate", out var r) && r.ValueKind == JsonValueKind.Number && r.GetDouble() is >= 0 and <= 1 ? r.GetDouble() : null;
        var known = new[] { "strict_ping", "free_plan", "free_plan_closes_socket", "reply_to_bad_input", "fail_rate" };
        if (quirks.EnumerateObject().Any(p => !known.Contains(p.Name)) || (quirks.TryGetProperty("fail_rate", out _) && rate is null))
        {
            return false;
        }

        lock (gate)
        {
            strictPing = Flag("strict_ping") ?? strictPing;
            freePlan = Flag("free_plan") ?? freePlan;
            freePlanClosesSocket = Flag("free_plan_closes_socket") ?? freePlanClosesSocket;
            replyToBadInput = Flag("reply_to_bad_input") ?? replyToBadInput;
            failRate = rate ?? failRate;
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

        await sockets.DisposeAsync();
        await dataSockets.DisposeAsync();
    }

    private static void Act(DBotSession session, int code)
    {
        switch (code)
        {
            case 1:
                session.Close(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "going away");
                break;
            case 2:
                session.Close();
                break;
            case 3:
                session.Abort();
                break;
            default:
                break;
        }
    }

    private static DBotTokenSpec? Token(string symbolOrAddress) =>
        DBotChainCatalog.Tokens.FirstOrDefault(t => t.Asset.Symbol == symbolOrAddress || t.Asset.Contract == symbolOrAddress || t.Pair == symbolOrAddress);
}
