using System.Buffers;
using System.Collections.Immutable;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Actors.Budget;
using Engine.Actors.Connections.Policies;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// What is DBot-specific in a login's connection. There is no login message: the key travels as <c>X-API-KEY</c> on the
/// upgrade (HTTP 401 stops the login for good), and the session opens with <c>subscribeTradeResults</c>, sent again on
/// every connection because subscriptions belong to the socket; its <c>subscribeResponse</c> makes the login ready.
/// With <see cref="DBotOptions.SubscribeTradeResults"/> off (Free plan) a one-item <c>listFollowOrders</c> opens it instead.
/// The heartbeat is WebSocket protocol Ping frames every 30 s (<see cref="ClientWebSocketOptions.KeepAliveInterval"/> with
/// a <see cref="ClientWebSocketOptions.KeepAliveTimeout"/>, so an unanswered Ping aborts the socket); there is no
/// application ping. No readiness or reconciliation queries: the task book lists tasks itself when the login is ready.
/// Not thread-safe apart from <see cref="PrepareSocket"/>, which reads only immutable options.
/// </summary>
public sealed class DBotConnectionBehavior(LoginId login, DBotOptions options) : IVenueConnectionBehavior
{
    private readonly DBotCodec _codec = new(login);

    /// <inheritdoc />
    public IVenueCodec Codec => _codec;

    /// <inheritdoc />
    public Uri Endpoint => options.Url;

    /// <inheritdoc />
    public TimeSpan RequestTimeout => options.RequestTimeout;

    /// <inheritdoc />
    public ImmutableArray<Symbol> Symbols => [];

    /// <inheritdoc />
    public ImmutableArray<RateWindowSpec> BudgetWindows => options.BudgetWindows;

    /// <inheritdoc />
    public ClientWebSocket PrepareSocket(ClientWebSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        socket.Options.SetRequestHeader("X-API-KEY", options.ApiKey);
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = options.PingInterval;
        socket.Options.KeepAliveTimeout = options.PongTimeout;
        return socket;
    }

    /// <summary>
    /// An upgrade answered 401 (read from the response's status, <see cref="ClientWebSocketOptions.CollectHttpResponseDetails"/>
    /// being on) means a missing or wrong key: fatal. Anything else (no response, 5xx from the CDN) reconnects.
    /// </summary>
    public string? FatalConnectRefusal(string reason, HttpStatusCode? upgradeStatus) =>
        upgradeStatus == HttpStatusCode.Unauthorized
            ? $"DBot refused the API key of login '{login}' (HTTP 401): check dbot.api-key; not retrying"
            : null;

    /// <summary>Pings are WebSocket control frames sent by the socket itself; the policy only watches for total silence.</summary>
    public HeartbeatPolicy CreateHeartbeat(DateTimeOffset connectedAt) => new(options.PingInterval, options.IdleTimeout, connectedAt, pingRegardlessOfTraffic: true);

    /// <inheritdoc />
    public bool WritePing(DateTimeOffset now, IBufferWriter<byte> output) => false;

    /// <inheritdoc />
    public void WriteLogin(string correlationKey, DateTimeOffset now, IBufferWriter<byte> output)
    {
        if (options.SubscribeTradeResults)
        {
            DBotCodec.WriteSubscribe(options.TradeTypeFilter.IsDefault ? [] : options.TradeTypeFilter, output);
            return;
        }

        _codec.Encode(new DBotVenueRequest(DBotWire.ListFollowOrders, """{"page":0,"size":1}""", IsQuery: true), correlationKey, output);
    }

    /// <inheritdoc />
    public bool WriteLogout(string correlationKey, IBufferWriter<byte> output) => false;

    /// <inheritdoc />
    public SessionStep Interpret(VenueInbound inbound, string? loginKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.ReplyPayload is DBotSubscribeAck ack)
        {
            return ack.IsSubscribed
                ? Opened("trade results subscribed", ack.Message, now)
                : new SessionStep(
                    [new SessionRefused($"DBot refused the trade-result subscription ('{ack.Message}'); a Free plan cannot subscribe: set dbot.subscribe-trade-results = false", IsFatal: true)],
                    null);
        }

        if (loginKey is not null && inbound.CorrelationKey == loginKey && inbound.ReplyPayload is DBotRpcReply reply)
        {
            return reply.Err
                ? new SessionStep([new SessionRefused($"DBot refused the session's first call: {reply.Error}", IsFatal: false)], null)
                : Opened("session opened without trade results", "listFollowOrders answered", now);
        }

        return SessionStep.Pass(inbound);
    }

    /// <inheritdoc />
    public int ExpireHeld(DateTimeOffset now) => 0;

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> ReadinessQueries() => [];

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> ReconcileQueries() => [];

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> OpenOrdersQueries(IEnumerable<Symbol> symbols) => [];

    /// <summary>A DBot login has no exchange orders; a drain leaves its automation tasks as they are at the venue.</summary>
    public string DrainCancelledText => "no exchange orders to cancel: a DBot login runs automation tasks, which the drain leaves as they are at DBot; task commands still open are reported as leftovers";

    /// <inheritdoc />
    public void OnDisconnected() => _codec.Forget();

    private SessionStep Opened(string session, string text, DateTimeOffset now) => new(
        [new SessionOpened(session), new VenueStateReported(new ConnectionStateChanged(login, now, ConnectionState.Ready, null, text), VenueReadiness.Ready)],
        null);
}
