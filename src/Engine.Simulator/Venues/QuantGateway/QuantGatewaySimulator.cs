using System.Text.Json;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Matching;
using Engine.Simulator.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>
/// The quant gateway (alphahunter) simulator: <c>ws://127.0.0.1:PORT/ws/v1</c> with every op and notification of
/// the protocol reference. All venue state (matching engine, market, logins) is guarded by one lock; frames
/// are queued to each session's writer under that lock, so per-socket order is the order of decisions.
/// Tokens are global by default (faithful, §8.9); see <see cref="QuantGatewayOptions.ConnectionScopedTokens"/>.
/// </summary>
public sealed partial class QuantGatewaySimulator : IVenueSimulator
{
    private readonly Lock gate = new();
    private readonly SimulatorOptions options;
    private readonly QuantGatewayOptions venue;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Random random;
    private readonly MatchingEngine engine;
    private readonly SyntheticMarket market;
    private readonly TokenRegistry registry = new();
    private readonly SocketHub<QuantSession> sockets;
    private readonly List<ITimer> timers = [];
    private QuantGatewayQuirks quirks;

    /// <summary>Creates the venue; nothing runs until <see cref="Start"/> and the host maps the endpoints.</summary>
    public QuantGatewaySimulator(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        this.options = options;
        venue = options.QuantGateway;
        this.time = time;
        logger = loggerFactory.CreateLogger<QuantGatewaySimulator>();
        sockets = new SocketHub<QuantSession>(gate, new SocketDeadlines(time));
        quirks = venue.Quirks;
        random = new Random(options.Market.Seed);
        Faults = new FaultPlan(options.Faults);
        engine = new MatchingEngine(new FeeSchedule(options.Fees.MakerRate, options.Fees.TakerRate), venue.FirstOrderNo, venue.FirstOrderNo * 10);
        foreach (var rules in QuantPlatforms.Rules())
        {
            engine.AddSymbol(rules);
        }

        foreach (var account in options.Accounts)
        {
            engine.AddAccount(account);
        }

        market = new SyntheticMarket(options.Market, QuantPlatforms.Market(), new Random(options.Market.Seed));
    }

    /// <inheritdoc />
    public string Venue => "quant-gateway";

    /// <inheritdoc />
    public string WebSocketPath => "/ws/v1";

    /// <inheritdoc />
    public FaultPlan Faults { get; }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.Map(WebSocketPath, HandleHttpAsync);

    /// <inheritdoc />
    public void Start()
    {
        timers.Add(time.CreateTimer(_ => CheckIdle(), null, venue.IdleCheckPeriod, venue.IdleCheckPeriod));
        if (options.Market.TickInterval > TimeSpan.Zero)
        {
            timers.Add(time.CreateTimer(_ => ApplyMarket(new MarketCommand { Steps = 1 }), null, options.Market.TickInterval, options.Market.TickInterval));
        }
    }

    /// <inheritdoc />
    public async Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken)
    {
        var codes = injection.Codes.Count == 0 ? [4, 5, 2, 6] : injection.Codes;
        List<QuantLogin> targets;
        lock (gate)
        {
            targets = registry.All.Where(l => !l.Fatal && l.Account is not null && (injection.Token is null || l.Token == injection.Token)).ToList();
        }

        for (var i = 0; i < codes.Count; i++)
        {
            if (i > 0 && injection.IntervalMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(injection.IntervalMs), time, cancellationToken);
            }

            lock (gate)
            {
                foreach (var login in targets.Where(l => l.Active))
                {
                    if (codes[i] == 6)
                    {
                        SendInitialData(login);
                    }

                    SendState(login, codes[i], StateMessage(login.Platform, codes[i]));
                }
            }
        }

        return targets.Count;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, decimal> ApplyMarket(MarketCommand command)
    {
        lock (gate)
        {
            if (command.Symbol is not null && command.Mid is { } mid)
            {
                market.SetMid(command.Symbol, mid);
                Route(engine.OnQuote(market.Quote(command.Symbol)!, time.GetUtcNow()));
            }

            for (var i = 0; i < command.Steps; i++)
            {
                market.Step();
                foreach (var symbol in market.Walking)
                {
                    Route(engine.OnQuote(market.Quote(symbol)!, time.GetUtcNow()));
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
            return JsonSerializer.SerializeToElement(quirks, ControlJson.Options);
        }
    }

    /// <inheritdoc />
    public bool SetQuirks(JsonElement quirks)
    {
        QuantGatewayQuirks? parsed;
        try
        {
            parsed = quirks.Deserialize<QuantGatewayQuirks>(ControlJson.Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (parsed is null)
        {
            return false;
        }

        lock (gate)
        {
            this.quirks = parsed;
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
    }

    private static string StateMessage(string platform, int code)
    {
        var url = QuantPlatforms.ExchangeUrl(platform);
        return code switch
        {
            2 => $"connect to server success! url: {url}",
            3 => $"connect to server error! url: {url}, error: simulated",
            4 => $"connection lost! url: {url}",
            5 => $"reconnecting websocket right now! url: {url}",
            6 => "Environment ready",
            _ => "simulated general error",
        };
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>quant gateway simulator</title></head><body><p>WebSocket endpoint: connect to this URL with a WebSocket client.</p></body></html>", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await RunSessionAsync(socket);
    }
}
