using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.Connections.Http;
using Engine.Actors.Connections.Policies;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Toobit's session rules behind the venue-neutral connection. The transport is HTTP plus a push stream
/// (<see cref="HttpTransportActor"/>). The session is a chain of REST steps driven by the replies: <c>GET /api/v1/time</c>
/// (the login frame; it sets the server time offset) → <c>POST /api/v1/userDataStream</c> (the listen key) → open
/// <c>/api/v1/ws/&lt;listenKey&gt;</c> → the login is opened, the configured leverages are set, and it is declared ready
/// (Toobit has no ready state of its own); the connection then reads the symbol rules and reconciles through REST.
/// Keep-alive: <c>{"ping":ms}</c> on the stream every <see cref="ToobitOptions.PingInterval"/>, dead when no pong within
/// <see cref="ToobitOptions.PongTimeout"/>; the listen key is extended with PUT every
/// <see cref="ToobitOptions.KeepAliveInterval"/> (-1125 reconnects); the stream is replaced before 24 h. 429 pauses the
/// budget for <c>Retry-After</c> (or <see cref="ToobitOptions.RateLimitPause"/>); 418 pauses longer and a second one
/// stops the login; -1021 re-reads the server time. The budget starts with the configured windows and takes the ones
/// <c>exchangeInfo.rateLimits</c> publishes (<c>intervalUnit × interval</c>) whenever they differ from the last applied. Not thread-safe: owned by one connection actor.
/// </summary>
public sealed partial class ToobitConnectionBehavior : IVenueConnectionBehavior
{
    private readonly LoginId _login;
    private readonly ToobitOptions _options;
    private readonly ToobitVenue _venue;
    private readonly Dictionary<string, PendingStep> _pending = new(StringComparer.Ordinal);
    private long _keys;
    private string? _listenKey;
    private bool _opened;
    private bool _lifetimeReached;
    private DateTimeOffset _streamOpenedAt;
    private DateTimeOffset _lastKeepAlive;
    private DateTimeOffset? _pingSentAt;
    private int _bans;
    private ImmutableArray<RateWindowSpec> _publishedLimits = [];

    /// <summary>Creates the behaviour of <paramref name="login"/>; the options must be valid.</summary>
    public ToobitConnectionBehavior(LoginId login, ToobitOptions options, ToobitSigner signer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _login = login;
        _options = options;
        _venue = new ToobitVenue(login, options, signer, time);
    }

    /// <inheritdoc />
    public IVenueCodec Codec => _venue;

    /// <summary>The codec with its session state (clock offset).</summary>
    public ToobitVenue Venue => _venue;

    /// <summary>The REST base URL.</summary>
    public Uri Endpoint => _options.Url;

    /// <inheritdoc />
    public TimeSpan RequestTimeout => _options.RequestTimeout;

    /// <inheritdoc />
    public ImmutableArray<Symbol> Symbols => [.. _options.Symbols.Select(s => new Symbol(s))];

    /// <inheritdoc />
    public ImmutableArray<RateWindowSpec> BudgetWindows => _options.BudgetWindows;

    /// <summary>Creates the behaviour of a <c>toobit</c> login; throws <see cref="ArgumentException"/> naming the key (never its content) without a secret.</summary>
    public static ToobitConnectionBehavior Create(string loginName, ToobitOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(options.Secret)
            ? throw new ArgumentException($"login '{loginName}': toobit.secret: the HMAC secret is needed", nameof(options))
            : new ToobitConnectionBehavior(new LoginId(loginName), options, new ToobitSigner(options.ApiKey, options.Secret), time);
    }

    /// <summary>HTTP for requests and replies, a WebSocket for the pushes.</summary>
    public Props TransportProps(Func<ClientWebSocket>? socketFactory) => HttpTransportActor.Props(socketFactory, _options.RequestTimeout * 2);

    /// <inheritdoc />
    public HeartbeatPolicy CreateHeartbeat(DateTimeOffset connectedAt) =>
        new(_options.PingInterval, _options.PingInterval + _options.PongTimeout, connectedAt, pingRegardlessOfTraffic: true);

    /// <summary>Writes <c>{"ping":ms}</c> on the stream once it is open; the pong must follow within the pong timeout.</summary>
    public bool WritePing(DateTimeOffset now, IBufferWriter<byte> output)
    {
        if (!_opened)
        {
            return false;
        }

        _pingSentAt ??= now;
        HttpTransportFrame.WriteStream(HttpTransportFrame.StreamSend, System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"ping\":{now.ToUnixTimeMilliseconds()}}}")), output);
        return true;
    }

    /// <summary>Writes the first step, <c>GET /api/v1/time</c>; the replies drive the next ones.</summary>
    public void WriteLogin(string correlationKey, DateTimeOffset now, IBufferWriter<byte> output)
    {
        _pending[correlationKey] = new PendingStep(Step.LoginTime, now, null);
        _venue.Write(TimeCall, correlationKey, output);
    }

    /// <summary>Deletes the listen key (its answer is not awaited); false when there is none.</summary>
    public bool WriteLogout(string correlationKey, IBufferWriter<byte> output)
    {
        if (_listenKey is not { } key)
        {
            return false;
        }

        _venue.Write(ListenKeyCall("DELETE", key), correlationKey, output);
        return true;
    }

    /// <summary>Only for callers that decoded themselves: the session facts are in the raw frame, so it passes the inbound on.</summary>
    public SessionStep Interpret(VenueInbound inbound, string? loginKey, DateTimeOffset now) => SessionStep.Pass(inbound);

    /// <summary>Forgets session requests never answered within twice the request timeout; returns how many.</summary>
    public int ExpireHeld(DateTimeOffset now)
    {
        var stale = _pending.Where(p => now - p.Value.SentAt > _options.RequestTimeout * 2).Select(p => p.Key).ToList();
        stale.ForEach(k => _pending.Remove(k));
        return stale.Count;
    }

    /// <summary><c>exchangeInfo</c> for each configured symbol (tick, lot, min notional, contract multiplier).</summary>
    public ImmutableArray<VenueRequest> ReadinessQueries() =>
        [.. _options.Symbols.Select(s => (VenueRequest)new SymbolInfoVenueRequest(new Symbol(s)))];

    /// <summary>Open orders per symbol, the spot balances (with a spot symbol) and the position of each futures symbol.</summary>
    public ImmutableArray<VenueRequest> ReconcileQueries()
    {
        var queries = ImmutableArray.CreateBuilder<VenueRequest>();
        queries.AddRange(OpenOrdersQueries(Symbols));
        if (_options.Symbols.Any(s => !ToobitPaths.IsFutures(s)))
        {
            queries.Add(new BalancesVenueRequest());
        }

        queries.AddRange(_options.Symbols.Where(ToobitPaths.IsFutures).Select(s => (VenueRequest)new PositionVenueRequest(new Symbol(s))));
        return queries.ToImmutable();
    }

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> OpenOrdersQueries(IEnumerable<Symbol> symbols) =>
        [.. symbols.Distinct().Select(s => (VenueRequest)new OpenOrdersVenueRequest(s))];

    /// <summary>Toobit answers the order query for any order it knows, filled and canceled ones included.</summary>
    public bool CanQueryOrderStatus => true;

    /// <summary>The order query by <c>origClientOrderId</c>: it works whether or not the place answer revealed the venue id.</summary>
    public VenueRequest? OrderStatusQuery(OrderToResolve order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new ToobitOrderStatusRequest(order.Symbol, order.ClientOrderId, order.VenueOrderId);
    }

    /// <summary>The stream, the listen key's use and the pending steps die with the session; the clock offset stays.</summary>
    public void OnDisconnected()
    {
        _pending.Clear();
        _opened = false;
        _pingSentAt = null;
        _lifetimeReached = false;
        _venue.Forget();
    }

    private static ToobitCall TimeCall => new("GET", ToobitPaths.Time, ToobitPaths.Time, [], IsSigned: false);

    private static ToobitCall ListenKeyCall(string method, string? key) =>
        new(method, ToobitPaths.UserDataStream, ToobitPaths.UserDataStream, key is null ? [] : [new("listenKey", key)]);

    private string Track(Step step, DateTimeOffset now, string? detail = null)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"session-{++_keys}");
        _pending[key] = new PendingStep(step, now, detail);
        return key;
    }

    private enum Step
    {
        LoginTime,
        Clock,
        ListenKey,
        KeepAlive,
        Leverage,
    }

    private sealed record PendingStep(Step Step, DateTimeOffset SentAt, string? Detail);
}
