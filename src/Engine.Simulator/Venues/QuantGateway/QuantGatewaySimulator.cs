using System.Text.Json;
using Engine.Simulator.Hosting;
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
public sealed partial class QuantGatewaySimulator : MatchingVenueSimulator
{
    private readonly QuantGatewayOptions venue;
    private readonly ILogger logger;
    private readonly Random random;
    private readonly TokenRegistry registry = new();
    private readonly SocketHub<QuantSession> sockets;

    /// <summary>Scratch list of <see cref="Route"/> (logins owed an asset push), reused under the lock.</summary>
    private readonly List<QuantLogin> routeAssetDirty = [];
    private QuantGatewayQuirks quirks;

    /// <summary>Creates the venue; nothing runs until <see cref="Start"/> and the host maps the endpoints.</summary>
    public QuantGatewaySimulator(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
        : base(options, time, QuantPlatforms.Rules(), QuantPlatforms.Market(), options.QuantGateway.FirstOrderNo, options.QuantGateway.FirstOrderNo * 10)
    {
        venue = options.QuantGateway;
        logger = loggerFactory.CreateLogger<QuantGatewaySimulator>();
        sockets = new SocketHub<QuantSession>(gate, new SocketDeadlines(time));
        quirks = venue.Quirks;
        random = new Random(options.Market.Seed);
    }

    /// <inheritdoc />
    public override string Venue => "quant-gateway";

    /// <inheritdoc />
    public override string WebSocketPath => "/ws/v1";

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.Map(WebSocketPath, HandleHttpAsync);

    /// <summary>Starts the idle check of logins and the market tick.</summary>
    public override void Start()
    {
        Every(venue.IdleCheckPeriod, CheckIdle);
        base.Start();
    }

    /// <summary>
    /// Control <c>/_control/state</c> for the quant gateway: each code is pushed as a state notification to every live
    /// login of <see cref="StateInjection.Token"/> (all when null) that is still active; 6 sends the initial data first.
    /// An empty list means the outage cycle 4, 5, 2, 6. Returns the number of logins targeted.
    /// </summary>
    public override Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(injection);
        List<QuantLogin> targets;
        lock (gate)
        {
            targets = registry.All.Where(l => !l.Fatal && l.Account is not null && (injection.Token is null || l.Token == injection.Token)).ToList();
        }

        return PlayStateCodesAsync(
            injection,
            [4, 5, 2, 6],
            code =>
            {
                foreach (var login in targets.Where(l => l.Active))
                {
                    if (code == 6)
                    {
                        SendInitialData(login);
                    }

                    SendState(login, code, StateMessage(login.Platform, code));
                }

                return targets.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public override JsonElement GetQuirks()
    {
        lock (gate)
        {
            return JsonSerializer.SerializeToElement(quirks, ControlJson.Options);
        }
    }

    /// <inheritdoc />
    public override bool SetQuirks(JsonElement quirks)
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
    private protected override void OnQuote(string symbol, DateTimeOffset now) => Route(engine.OnQuote(market.Quote(symbol)!, now));

    /// <inheritdoc />
    private protected override ValueTask DisposeSocketsAsync() => sockets.DisposeAsync();

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
