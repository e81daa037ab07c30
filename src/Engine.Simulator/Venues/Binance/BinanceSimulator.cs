using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// The Binance Spot WebSocket API simulator: <c>ws://127.0.0.1:PORT/ws-api/v3</c> with the request/response
/// methods and the user data stream of <c>docs/protocols/binance-ws-api.md</c>. All venue state (matching
/// engine, market, orders, limits, connections) is guarded by one lock; frames are queued to each connection's
/// writer under that lock, so per-connection frame order is the order of decisions.
/// </summary>
public sealed partial class BinanceSimulator : MatchingVenueSimulator
{
    private readonly BinanceOptions venue;
    private readonly ILogger logger;
    private readonly BinanceRateLimiter limiter;
    private readonly Dictionary<string, byte[]> ed25519Keys = new(StringComparer.Ordinal);
    private readonly Dictionary<long, BinanceOrder> orders = [];
    private readonly Dictionary<string, BinanceOrder> ordersByEngineId = new(StringComparer.Ordinal);
    private readonly SocketHub<BinanceSession> sockets;
    private readonly SocketHub<BinanceStreamSession> streamSockets;
    private long nextExecutionId = 1;
    private long nextClientId = 1;
    private bool percentEncoded;

    /// <summary>Creates the venue; nothing runs until <see cref="Start"/> and the host maps the endpoints.</summary>
    public BinanceSimulator(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
        : base(options, time, BinanceSymbols.Rules, BinanceSymbols.Market, options.Binance.FirstOrderId, options.Binance.FirstOrderId)
    {
        venue = options.Binance;
        logger = loggerFactory.CreateLogger<BinanceSimulator>();
        sockets = new SocketHub<BinanceSession>(gate, new SocketDeadlines(time));
        streamSockets = new SocketHub<BinanceStreamSession>(gate, new SocketDeadlines(time));
        limiter = new BinanceRateLimiter(venue.RateLimits, venue.BanDuration);
        foreach (var account in options.Accounts)
        {
            if (account.Ed25519PublicKey is { } text)
            {
                ed25519Keys[account.ApiKey] = BinanceSignature.ParsePublicKey(text)
                    ?? throw new ArgumentException($"Account '{account.Id}': ed25519-public-key is not 64 hex characters, base64 of 32 bytes or a PEM PUBLIC KEY.", nameof(options));
            }
        }

        percentEncoded = venue.AcceptPercentEncodedSignatures;
    }

    /// <inheritdoc />
    public override string Venue => "binance";

    /// <inheritdoc />
    public override string WebSocketPath => "/ws-api/v3";

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(WebSocketPath, HandleHttpAsync);
        endpoints.Map("/ws", HandleStreamsAsync);
        endpoints.Map("/ws/{**streams}", HandleStreamsAsync);
        endpoints.Map("/stream", HandleStreamsAsync);
        MapRest(endpoints);
    }

    /// <summary>
    /// Control <c>/_control/state</c> for Binance: each code acts on every open connection. 1 = send
    /// <c>serverShutdown</c>; 2 = close normally; 3 = abort (no close handshake); 4 = revoke the logged-on key (the
    /// next request gets 401 with a null id). An empty list means 1. Returns the number of connections reached.
    /// </summary>
    public override Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken) =>
        PlayStateCodesAsync(injection, [1], ActOnOpen, cancellationToken);

    /// <summary>Sends <c>serverShutdown</c> on every open connection; returns how many were reached.</summary>
    public int BroadcastServerShutdown()
    {
        lock (gate)
        {
            return ActOnOpen(1);
        }
    }

    /// <summary>
    /// Changes a spot balance as a deposit (positive) or withdrawal (negative) would, and sends
    /// <c>balanceUpdate</c> then <c>outboundAccountPosition</c> to the account's subscribers. False when the
    /// account is unknown or the free balance would go negative.
    /// </summary>
    public bool AdjustBalance(string accountId, string asset, decimal delta)
    {
        lock (gate)
        {
            var account = engine.Account(accountId);
            if (account is null || account.Spot.Get(asset).Free + delta < 0m)
            {
                return false;
            }

            account.Spot.Adjust(asset, delta, 0m);
            var now = time.GetUtcNow();
            Deliver(
            [
                new Push(accountId, "balanceUpdate", s => new System.Text.Json.Nodes.JsonObject
                {
                    ["e"] = "balanceUpdate",
                    ["E"] = s.Time(now),
                    ["a"] = asset,
                    ["d"] = BinanceJson.Dec(delta),
                    ["T"] = s.Time(now),
                }),
                AccountPosition(account, [asset], now),
            ]);
            return true;
        }
    }

    /// <inheritdoc />
    public override JsonElement GetQuirks()
    {
        lock (gate)
        {
            return FlagQuirk("accept_percent_encoded_signatures", percentEncoded);
        }
    }

    /// <inheritdoc />
    public override bool SetQuirks(JsonElement quirks) => SetFlagQuirk(quirks, "accept_percent_encoded_signatures", ref percentEncoded);

    /// <inheritdoc />
    private protected override void OnQuote(string symbol, DateTimeOffset now)
    {
        Deliver(Apply(engine.OnQuote(market.Quote(symbol)!, now), now));
        PublishMarket(symbol, now);
    }

    /// <inheritdoc />
    private protected override async ValueTask DisposeSocketsAsync()
    {
        await sockets.DisposeAsync();
        await streamSockets.DisposeAsync();
    }

    /// <summary>Acts with <paramref name="code"/> on every open connection, under the lock; returns how many there were.</summary>
    private int ActOnOpen(int code)
    {
        var targets = sockets.Open();
        targets.ForEach(s => Act(s, code));
        return targets.Count;
    }

    private void Act(BinanceSession session, int code)
    {
        switch (code)
        {
            case 1:
                session.Send(BinanceJson.Event(null, new System.Text.Json.Nodes.JsonObject { ["e"] = "serverShutdown", ["E"] = session.Time(time.GetUtcNow()) }));
                break;
            case 2:
                session.Close();
                break;
            case 3:
                session.Abort();
                break;
            case 4:
                session.Revoked = session.LoggedOn is not null;
                break;
            default:
                break;
        }
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Binance WebSocket API simulator: connect with a WebSocket client.", context.RequestAborted);
            return;
        }

        var ip = (context.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
        lock (gate)
        {
            if (!limiter.ChargeConnection(ip, time.GetUtcNow()))
            {
                context.Response.StatusCode = limiter.BannedUntil(ip, time.GetUtcNow()) is null ? StatusCodes.Status429TooManyRequests : StatusCodes.Status418ImATeapot;
                return;
            }
        }

        var query = context.Request.Query;
        var returnRateLimits = !string.Equals(query["returnRateLimits"].ToString(), "false", StringComparison.OrdinalIgnoreCase);
        var microseconds = string.Equals(query["timeUnit"].ToString(), "MICROSECOND", StringComparison.OrdinalIgnoreCase);
        var accept = new WebSocketAcceptContext { DangerousEnableCompression = false };
        if (venue.PingInterval > TimeSpan.Zero)
        {
            accept.KeepAliveInterval = venue.PingInterval;
            accept.KeepAliveTimeout = venue.PongTimeout > TimeSpan.Zero ? venue.PongTimeout : Timeout.InfiniteTimeSpan;
        }
        else
        {
            accept.KeepAliveInterval = TimeSpan.Zero;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
        await RunSessionAsync(socket, ip, returnRateLimits, microseconds);
    }
}
