using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Engine.Actors.Budget;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Connections.Policies;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Binance's session rules behind the venue-neutral connection. The session is a chain of steps, each a
/// request of its own, driven by the replies: <c>time</c> (the login frame; it seeds the server time offset)
/// → <c>session.logon</c> when the key is Ed25519 → <c>userDataStream.subscribe</c> (or
/// <c>.subscribe.signature</c> without logon) → the login is opened and declared ready (Binance has no
/// ready state of its own). Binance pings with WebSocket ping frames, which the socket answers itself, so the
/// heartbeat "ping" is a <c>time</c> request: it proves the socket alive and re-estimates the clock offset.
/// Every response's <c>rateLimits</c> re-syncs the budget; 429 pauses it (and the heartbeat) until
/// <c>retryAfter</c>; 418 stops the login with the ban end in the state text; -1021 re-estimates the offset;
/// <c>eventStreamTerminated</c> resubscribes and the next subscription reconciles; <c>serverShutdown</c>,
/// -2042 and the configured session lifetime reconnect. Not thread-safe: owned by one connection actor.
/// </summary>
public sealed partial class BinanceConnectionBehavior : IVenueConnectionBehavior
{
    /// <summary>The longest interval between heartbeat <c>time</c> requests, whatever the resync interval.</summary>
    public static readonly TimeSpan MaxPingInterval = TimeSpan.FromSeconds(30);

    /// <summary>REQUEST_WEIGHT per minute kept free for session frames, which do not go through the budget.</summary>
    public const int SessionWeightReserve = 20;

    private readonly LoginId _login;
    private readonly BinanceOptions _options;
    private readonly BinanceVenue _venue;
    private readonly Dictionary<string, PendingStep> _pending = new(StringComparer.Ordinal);
    private long _keys;
    private DateTimeOffset _connectedAt;
    private DateTimeOffset _pausedUntil;
    private bool _opened;
    private bool _lifetimeReached;

    /// <summary>Creates the behaviour of <paramref name="login"/>; the options must be valid and <paramref name="signer"/> built from them.</summary>
    public BinanceConnectionBehavior(LoginId login, BinanceOptions options, BinanceSigner signer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _login = login;
        _options = options;
        _venue = new BinanceVenue(login, options, signer, time);
    }

    /// <inheritdoc />
    public IVenueCodec Codec => _venue;

    /// <summary>The codec with its session state (logged on, subscription, clock).</summary>
    public BinanceVenue Venue => _venue;

    /// <inheritdoc />
    public Uri Endpoint => _options.Url;

    /// <inheritdoc />
    public TimeSpan RequestTimeout => _options.RequestTimeout;

    /// <inheritdoc />
    public ImmutableArray<Symbol> Symbols => [.. _options.Symbols.Select(s => new Symbol(s))];

    /// <summary>
    /// The configured windows, with REQUEST_WEIGHT lowered by <see cref="SessionWeightReserve"/> (at most a tenth
    /// of it): session frames (connect, time, logon, subscribe) bypass the budget, and this headroom keeps them
    /// from pushing a saturated window over the venue's limit between two <c>rateLimits</c> re-syncs.
    /// </summary>
    public ImmutableArray<RateWindowSpec> BudgetWindows =>
        [.. _options.BudgetWindows.Select(w => w.Name == "REQUEST_WEIGHT" ? w with { Limit = w.Limit - Math.Min(SessionWeightReserve, w.Limit / 10) } : w)];

    /// <summary>The heartbeat interval: the time resync interval, at most <see cref="MaxPingInterval"/>.</summary>
    public TimeSpan PingInterval => _options.TimeResyncInterval < MaxPingInterval ? _options.TimeResyncInterval : MaxPingInterval;

    /// <summary>Silence after which the socket is dead: two missed heartbeats plus a request timeout.</summary>
    public TimeSpan IdleTimeout => (PingInterval * 2) + _options.RequestTimeout;

    /// <summary>
    /// Creates the behaviour of a <c>binance</c> login: the signer is built from the options (the HMAC secret,
    /// or the Ed25519 PEM from its file or environment variable). Throws <see cref="ArgumentException"/>
    /// naming the key (never its content) when the signer cannot be built.
    /// </summary>
    public static BinanceConnectionBehavior Create(string loginName, BinanceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signer = options.CreateSigner(Environment.GetEnvironmentVariable, File.ReadAllText);
        return signer.Value is { } s
            ? new BinanceConnectionBehavior(new LoginId(loginName), options, s, time)
            : throw new ArgumentException($"login '{loginName}': binance.{signer.Error}", nameof(options));
    }

    /// <inheritdoc />
    public HeartbeatPolicy CreateHeartbeat(DateTimeOffset connectedAt)
    {
        _connectedAt = connectedAt;
        _lifetimeReached = false;
        return new HeartbeatPolicy(PingInterval, IdleTimeout, connectedAt, pingRegardlessOfTraffic: true);
    }

    /// <summary>Writes a <c>time</c> request (liveness and clock); nothing while the venue asked for a pause.</summary>
    public bool WritePing(DateTimeOffset now, IBufferWriter<byte> output)
    {
        if (now < _pausedUntil)
        {
            return false;
        }

        BinanceVenue.EncodeTime(Track(Step.Clock, now), output);
        return true;
    }

    /// <summary>Writes the first step of the session, <c>time</c>; the reply drives the next ones.</summary>
    public void WriteLogin(string correlationKey, DateTimeOffset now, IBufferWriter<byte> output)
    {
        _pending[correlationKey] = new PendingStep(Step.LoginTime, now);
        BinanceVenue.EncodeTime(correlationKey, output);
    }

    /// <summary>Binance has no session to close beyond the socket: closing it ends the logon and the subscription.</summary>
    public bool WriteLogout(string correlationKey, IBufferWriter<byte> output) => false;

    /// <summary>Only for callers that decoded themselves: session facts are lost in <paramref name="inbound"/>, so it passes it on.</summary>
    public SessionStep Interpret(VenueInbound inbound, string? loginKey, DateTimeOffset now) => SessionStep.Pass(inbound);

    /// <summary>Forgets session requests never answered within twice the request timeout; returns how many.</summary>
    public int ExpireHeld(DateTimeOffset now)
    {
        if (_pending.Count == 0)
        {
            return 0;
        }

        var stale = _pending.Where(p => now - p.Value.SentAt > _options.RequestTimeout * 2).Select(p => p.Key).ToList();
        foreach (var key in stale)
        {
            _pending.Remove(key);
        }

        return stale.Count;
    }

    /// <summary><c>exchangeInfo</c> for each configured symbol (PRICE_FILTER, LOT_SIZE, NOTIONAL).</summary>
    public ImmutableArray<VenueRequest> ReadinessQueries() =>
        [.. _options.Symbols.Select(s => (VenueRequest)new SymbolInfoVenueRequest(new Symbol(s)))];

    /// <summary><c>openOrders.status</c> per configured symbol and <c>account.status</c>.</summary>
    public ImmutableArray<VenueRequest> ReconcileQueries() =>
        [.. OpenOrdersQueries(Symbols), new BalancesVenueRequest()];

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> OpenOrdersQueries(IEnumerable<Symbol> symbols) =>
        [.. symbols.Distinct().Select(s => (VenueRequest)new OpenOrdersVenueRequest(s))];

    /// <summary>Binance answers <c>order.status</c> for any order it knows, filled and canceled ones included.</summary>
    public bool CanQueryOrderStatus => true;

    /// <summary><c>order.status</c> by <c>origClientOrderId</c>: it works whether or not the place reply revealed the venue id.</summary>
    public VenueRequest? OrderStatusQuery(OrderToResolve order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new BinanceOrderStatusRequest(order.Symbol, order.ClientOrderId, order.VenueOrderId);
    }

    /// <summary>The logon, the subscription and the pending session steps die with the socket; the clock offset stays.</summary>
    public void OnDisconnected()
    {
        _venue.IsLoggedOn = false;
        _venue.SubscriptionId = null;
        _pending.Clear();
        _opened = false;
    }

    private string Track(Step step, DateTimeOffset now)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"session-{++_keys}");
        _pending[key] = new PendingStep(step, now);
        return key;
    }

    private enum Step
    {
        LoginTime,
        Logon,
        Subscribe,
        Clock,
    }

    private sealed record PendingStep(Step Step, DateTimeOffset SentAt);
}
