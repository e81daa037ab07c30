using System.Buffers;
using System.Collections.Immutable;
using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.Connections.Policies;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Runtime;
using Engine.Actors.Venues;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>
/// One login's connection: a named state machine (Connecting → Authenticating → Ready → AwaitingReconnect
/// (socket gone) or VenueNotReady (socket open, venue not ready) → Stopped; one method per state, switched with
/// <c>Become</c>, each transition logged with the state's name and published as <see cref="ConnectionStateChanged"/>,
/// both reconnecting states as <see cref="ConnectionState.Reconnecting"/>), venue-neutral, with the venue's rules in an
/// <see cref="IVenueConnectionBehavior"/>. Children: <c>transport</c>, <c>heartbeat</c>, <c>correlator</c>,
/// <c>budget</c> and <c>orders</c> (the login's order book). Guarantees: nothing is sent to the venue
/// before the venue declared the login ready and the symbol rules were read (only the session frames and
/// the readiness queries); every <see cref="SendPlace"/>/<see cref="SendCancel"/> gets exactly one outcome
/// and a timeout or a lost socket makes it unknown, never rejected; after every READY the login is
/// reconciled (open orders to the book, balances and positions published as reconciliation); a lost
/// socket or a dead heartbeat reconnects with exponential backoff on the system clock; a fatal venue
/// state stops the login for good with a clear error. Timers run on the actor system's scheduler and every
/// timestamp on the engine clock (<see cref="EngineExtension.Time"/>); reconnect jitter draws from the engine's
/// seeded <see cref="EngineExtension.Random"/>. Everything is fresh per incarnation: the venue behaviour, the session's
/// correlation-key prefix and the children are made by the constructor and <see cref="PreStart"/>.
/// </summary>
public sealed partial class ConnectionActor : ReceiveActor, IWithTimers, IWithUnboundedStash
{
    private const string ReconnectKey = "reconnect";
    private const string LoginTimeoutKey = "login-timeout";
    private const string DrainKey = "drain-timeout";
    private const string ReconcileKey = "reconcile";

    private readonly LoginOptions _options;
    private readonly LoginId _login;
    private readonly IVenueConnectionBehavior _behavior;
    private readonly Func<LoginId, Props> _orderBookProps;
    private readonly Func<ClientWebSocket>? _socketFactory;
    private readonly IActorRef? _sharedTransport;
    private readonly Dictionary<string, Outgoing> _inFlight = [];
    private readonly ArrayBufferWriter<byte> _requestBuffer = new(256);
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private CidGenerator _cids = null!;
    private IActorRef _transport = ActorRefs.Nobody;
    private IActorRef _heartbeat = ActorRefs.Nobody;
    private IActorRef _correlator = ActorRefs.Nobody;
    private IActorRef _budget = ActorRefs.Nobody;
    private IActorRef _orders = ActorRefs.Nobody;
    private ConnectionState _state = ConnectionState.Disconnected;
    private int _generation;
    private bool _socketOpen;

    /// <summary>
    /// When the current socket's last frame arrived (its opening before the first): the heartbeat is not told of each
    /// frame, it asks when it finds the socket silent (<see cref="OnSilence"/>).
    /// </summary>
    private DateTimeOffset _lastFrameAt;
    private string? _loginKey;
    private int _reconnectAttempt;
    private ImmutableDictionary<Symbol, SymbolRules> _rules = ImmutableDictionary<Symbol, SymbolRules>.Empty;
    private ImmutableDictionary<Symbol, SymbolRules> _loadingRules = ImmutableDictionary<Symbol, SymbolRules>.Empty;
    private int _readinessRound;
    private int _readinessPending;
    private (int? Code, string? Text) _readyState;
    private long _problems;

    /// <summary>
    /// Creates one incarnation: <paramref name="behavior"/> is called here, so a restarted connection starts from a
    /// fresh venue session (Akka captures the constructor's arguments once, in the <see cref="Akka.Actor.Props"/>).
    /// </summary>
    public ConnectionActor(
        LoginOptions options,
        Func<LoginOptions, IVenueConnectionBehavior> behavior,
        Func<LoginId, Props> orderBookProps,
        Func<ClientWebSocket>? socketFactory,
        IActorRef? sharedTransport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(behavior);
        ArgumentNullException.ThrowIfNull(orderBookProps);
        _sharedTransport = sharedTransport;
        _options = options;
        _login = new LoginId(options.Name);
        _behavior = behavior(options);
        _orderBookProps = orderBookProps;
        _socketFactory = socketFactory;
        _log = Context.CreateLogger<ConnectionActor>();
        _time = Context.Engine().Time;
    }

    /// <summary>
    /// Props of <paramref name="options"/>'s connection. <paramref name="behavior"/> is called once per
    /// incarnation (a restart starts from a fresh session); <paramref name="orderBookProps"/> makes the book;
    /// with <paramref name="sharedTransport"/> (a <see cref="SharedTransportActor"/>) the login uses that
    /// socket instead of its own <c>transport</c> child.
    /// </summary>
    public static Props Props(
        LoginOptions options,
        Func<LoginOptions, IVenueConnectionBehavior> behavior,
        Func<LoginId, Props> orderBookProps,
        Func<ClientWebSocket>? socketFactory = null,
        IActorRef? sharedTransport = null) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(options, behavior, orderBookProps, socketFactory, sharedTransport));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>To a connection: drain (see <see cref="DrainConnections"/>); answered with <see cref="Drained"/>.</summary>
    public sealed record Drain(bool CancelWorkingOrders);

    /// <summary>The connection has logged out and closed its socket (or had none).</summary>
    public sealed record Drained(LoginId Login)
    {
        /// <summary>The orders left open or unknown (client id, status, venue id where known); empty when none.</summary>
        public ImmutableArray<string> Leftovers { get; init; } = [];
    }

    /// <summary>Unattributable venue errors and unreadable frames seen by this incarnation.</summary>
    public sealed record GetProblemCount
    {
        /// <summary>The only instance needed.</summary>
        public static GetProblemCount Instance { get; } = new();
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        var random = Context.Engine().Random;
        lock (random)
        {
            _cids = CidGenerator.ForSession(_login.ToString(), random);
        }

        _transport = _sharedTransport ?? Context.ActorOf(_behavior.TransportProps(_socketFactory), "transport");
        _heartbeat = Context.ActorOf(HeartbeatActor.Props(), "heartbeat");
        _correlator = Context.ActorOf(CorrelatorActor.Props(_behavior.RequestTimeout), "correlator");
        _budget = Context.ActorOf(RateBudgetActor.Props(_login, _behavior.BudgetWindows), "budget");
        _orders = Context.ActorOf(_orderBookProps(_login), "orders");
        _orders.Tell(NotReady("connecting"), Self);
        StartConnecting();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private ConnectionReadiness NotReady(string why) => new(false, $"login {_login} is not ready: {why}", _rules);

    private void Transition(ConnectionState next, int? venueCode = null, string? venueText = null, bool isFatal = false)
    {
        var from = _state;
        _state = next;
        if (isFatal)
        {
            LogFatalTransition(_log, _login, from, next, venueCode, venueText);
        }
        else
        {
            LogTransition(_log, _login, from, next, venueCode, venueText);
        }

        Context.System.EventStream.Publish(new ConnectionStateChanged(_login, Now, next, venueCode, venueText, isFatal));
    }

    private void Send(ReadOnlySpan<byte> frame) => _transport.Tell(new TransportActor.Send(frame.ToArray()), Self);

    private sealed record ReconnectTick(int Generation);

    private sealed record LoginTimeout(int Generation);

    private sealed record DrainTimeout;

    private sealed record ReconcileTick;
}
