using System.Buffers;
using System.Collections.Immutable;
using Engine.Actors.Budget;
using Engine.Actors.Connections.Policies;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// The quant gateway's session rules: <c>login</c> with the account keys, <c>result:true</c> means accepted
/// (not ready), the token identifies the session in every push; <c>state</c> 6 is ready, 1 fatal, the rest
/// not ready; states for a token the login reply has not revealed yet are held
/// (<see cref="QuantGatewayStateBuffer"/>) and applied once it has; pushes of other tokens are dropped; a
/// ping with <c>ts</c> every ping interval whatever the traffic. "Do not log in repeat" is retried (a stale
/// login elsewhere may expire); every other refusal is fatal. Not thread-safe: owned by one connection.
/// </summary>
public sealed class QuantGatewayConnectionBehavior : IVenueConnectionBehavior
{
    /// <summary>The gateway's answer when the same account is logged in elsewhere.</summary>
    public const string RepeatLogin = "Do not log in repeat";

    private readonly LoginId _login;
    private readonly QuantGatewayOptions _options;
    private readonly QuantGatewayVenue _venue;
    private readonly QuantGatewayStateBuffer _held;

    /// <summary>Creates the behaviour of <paramref name="login"/>; the options must be valid.</summary>
    public QuantGatewayConnectionBehavior(LoginId login, QuantGatewayOptions options)
    {
        _login = login;
        _options = options;
        _venue = new QuantGatewayVenue(login, options);
        _held = new QuantGatewayStateBuffer(options.StateBufferTime);
    }

    /// <inheritdoc />
    public IVenueCodec Codec => _venue;

    /// <inheritdoc />
    public Uri Endpoint => _options.Url;

    /// <inheritdoc />
    public TimeSpan RequestTimeout => _options.RequestTimeout;

    /// <inheritdoc />
    public ImmutableArray<Symbol> Symbols => [.. _options.Symbols.Select(s => new Symbol(s))];

    /// <inheritdoc />
    public ImmutableArray<RateWindowSpec> BudgetWindows => _options.BudgetWindows;

    /// <summary>The session token, or null before the login reply and after a disconnect.</summary>
    public string? Token => _venue.Token;

    /// <inheritdoc />
    public HeartbeatPolicy CreateHeartbeat(DateTimeOffset connectedAt) =>
        new(_options.PingInterval, _options.IdleTimeout, connectedAt, pingRegardlessOfTraffic: true);

    /// <inheritdoc />
    public bool WritePing(DateTimeOffset now, IBufferWriter<byte> output)
    {
        QuantGatewayVenue.EncodePing(now, output);
        return true;
    }

    /// <inheritdoc />
    public void WriteLogin(string correlationKey, DateTimeOffset now, IBufferWriter<byte> output) =>
        _venue.EncodeLogin(correlationKey, output);

    /// <inheritdoc />
    public bool WriteLogout(string correlationKey, IBufferWriter<byte> output)
    {
        if (_venue.Token is not { Length: > 0 })
        {
            return false;
        }

        _venue.EncodeLogout(correlationKey, output);
        return true;
    }

    /// <inheritdoc />
    public SessionStep Interpret(VenueInbound inbound, string? loginKey, DateTimeOffset now)
    {
        if (loginKey is not null && inbound.CorrelationKey == loginKey && inbound.ReplyPayload is W.Reply { Op: W.Ops.Login } reply)
        {
            return LoginReplied(reply, now);
        }

        if (inbound.CorrelationKey is not null || inbound.Session is not { } session)
        {
            return SessionStep.Pass(inbound);
        }

        var state = StateIn(inbound.Events);
        if (_venue.Token is null)
        {
            if (state is not null)
            {
                _held.Hold(new W.State(session, state.VenueCode ?? 0, state.VenueText ?? string.Empty), now);
            }

            return SessionStep.Consumed;
        }

        if (session != _venue.Token)
        {
            return SessionStep.Consumed;
        }

        return state is null ? SessionStep.Pass(inbound) : new SessionStep([Reported(state)], null);
    }

    /// <summary>The first state notification among <paramref name="events"/>; null when there is none (every order and asset push).</summary>
    private static ConnectionStateChanged? StateIn(ImmutableArray<IEngineEvent> events)
    {
        foreach (var e in events)
        {
            if (e is ConnectionStateChanged state)
            {
                return state;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public int ExpireHeld(DateTimeOffset now) => _held.Count == 0 ? 0 : _held.Expire(now).Count;

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> ReadinessQueries() =>
        [.. _options.Symbols.Select(s => (VenueRequest)new SymbolInfoVenueRequest(new Symbol(s)))];

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> ReconcileQueries()
    {
        var symbols = _options.Symbols.Select(s => new Symbol(s)).ToList();
        var queries = new List<VenueRequest>(OpenOrdersQueries(symbols)) { new BalancesVenueRequest() };
        if (_options.HasPositions)
        {
            queries.AddRange(symbols.Select(s => new PositionVenueRequest(s)));
        }

        return [.. queries];
    }

    /// <inheritdoc />
    public ImmutableArray<VenueRequest> OpenOrdersQueries(IEnumerable<Symbol> symbols) =>
        [.. symbols.Distinct().Select(s => (VenueRequest)new OpenOrdersVenueRequest(s))];

    /// <inheritdoc />
    public void OnDisconnected() => _venue.Token = null;

    private SessionStep LoginReplied(W.Reply reply, DateTimeOffset now)
    {
        if (!reply.Result || reply.Token is not { Length: > 0 } token)
        {
            var reason = reply.ErrorMessage.Length > 0 ? reply.ErrorMessage : "login refused without a message";
            return new SessionStep([new SessionRefused(reason, IsFatal: reason != RepeatLogin)], null);
        }

        _venue.Token = token;
        var signals = ImmutableArray.CreateBuilder<SessionSignal>();
        signals.Add(new SessionOpened(token));
        foreach (var held in _held.Release(token))
        {
            signals.Add(Reported(QuantGatewayMapper.ToConnectionState(held, _login, now)));
        }

        return new SessionStep(signals.ToImmutable(), null);
    }

    private static VenueStateReported Reported(ConnectionStateChanged state) => new(
        state,
        state.VenueCode switch
        {
            6 => VenueReadiness.Ready,
            1 => VenueReadiness.Fatal,
            _ => VenueReadiness.NotReady,
        });
}
