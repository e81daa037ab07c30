using System.Collections.Immutable;
using Akka.Actor;
using Akka.Pattern;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>
/// Parent of every login's connection. Each enabled login runs as a <see cref="ConnectionActor"/> (child
/// <c>connection</c>) behind an Akka <see cref="BackoffSupervisor"/> (<see cref="Backoff.OnFailure(Props, string, TimeSpan, TimeSpan, double, int)"/>)
/// named after the login: a connection that throws (anywhere, its constructor included) is stopped and recreated
/// after an exponential backoff between the login's reconnect bounds, without limit and without resetting the
/// attempt count, and never takes the engine down; a connection that stops itself (fatal venue error, drained) is
/// not recreated, and its backoff supervisor stops with it. While a connection is being recreated, messages to its
/// login go to dead letters (a stale order must not be replayed later). The restart delay and its jitter are Akka's
/// (scheduler time, Akka's own random source); the reconnect backoff of a running connection, the frequent one, is the
/// connection's, on the engine clock with the engine's seeded jitter. Routes every command and query carrying a
/// <see cref="LoginId"/> to that login with <c>Forward</c> (the original sender receives the answer); an
/// unknown, disabled or stopped login gets <see cref="OrderRejected"/>, <see cref="CancelRejected"/> or <see cref="QueryFailed"/> naming
/// it and the configured ones. <see cref="DrainConnections"/> drains every connection and answers
/// <see cref="ConnectionsDrained"/> once. Logins with the same <see cref="LoginOptions.SocketGroup"/> share one
/// <see cref="SharedTransportActor"/> (child <c>socket-&lt;group&gt;</c>).
/// </summary>
public sealed partial class ConnectionsSupervisor : ReceiveActor, IWithTimers
{
    private const string DrainKey = "drain-deadline";

    private readonly ConnectionsSettings _settings;
    private readonly Dictionary<LoginId, IActorRef> _routes = [];
    private readonly Dictionary<IActorRef, LoginId> _byRef = [];
    private readonly Dictionary<LoginId, string> _unavailable = [];
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private DrainRound? _drain;

    /// <summary>Creates the supervisor; the logins are started in <see cref="PreStart"/>.</summary>
    public ConnectionsSupervisor(ConnectionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _log = Context.CreateLogger<ConnectionsSupervisor>();
        _time = Context.Engine().Time;
        Receive<SubmitOrder>(m => Route(m.Login, m, why => new OrderRejected(m.Login, m.ClientOrderId, Now, why, IsLocal: true)));
        Receive<SubmitOrders>(m =>
        {
            if (_routes.ContainsKey(m.Login))
            {
                Route(m.Login, m, _ => m);
                return;
            }

            // No such login: each order is refused on its own, as a single submission would be.
            foreach (var order in m.Orders.IsDefault ? [] : m.Orders)
            {
                Route(m.Login, order, why => new OrderRejected(order.Login, order.ClientOrderId, Now, why, IsLocal: true));
            }
        });
        Receive<CancelOrder>(m => Route(m.Login, m, why => new CancelRejected(m.Login, m.ClientOrderId, Now, why)));
        Receive<CancelAllOrders>(m => Route(m.Login, m, why => Failed(m.Login, m, why)));
        Receive<QueryOpenOrders>(m => Route(m.Login, m, why => Failed(m.Login, m, why)));
        Receive<QueryBalances>(m => Route(m.Login, m, why => Failed(m.Login, m, why)));
        Receive<QueryPosition>(m => Route(m.Login, m, why => Failed(m.Login, m, why)));
        Receive<QuerySymbolInfo>(m => Route(m.Login, m, why => Failed(m.Login, m, why)));
        Receive<Engine.Messages.Tasks.ITaskCommand>(m => Route(m.Login, m, why => new Engine.Messages.Tasks.TaskCommandRejected(m.Login, m.CommandId, Now, m.GetType().Name, why, IsLocal: true)));
        Receive<Engine.Messages.Tasks.ITaskQuery>(m => Route(m.Login, m, why => new Engine.Messages.Tasks.TaskQueryFailed(m.Login, Now, m.GetType().Name, why, OutcomeUnknown: false)));
        Receive<DrainConnections>(OnDrain);
        Receive<ConnectionActor.Drained>(d => Drained(d.Login, ok: true, d.Leftovers));
        Receive<DrainDeadline>(_ => FinishDrain());
        Receive<Terminated>(OnTerminated);
    }

    /// <summary>Props of the supervisor of <paramref name="settings"/>' logins.</summary>
    public static Props Props(ConnectionsSettings settings) => Akka.Actor.Props.Create(() => new ConnectionsSupervisor(settings));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <inheritdoc />
    protected override void PreStart()
    {
        var sockets = _settings.Logins
            .Where(l => l.Enabled && l.SocketGroup is { Length: > 0 })
            .GroupBy(l => l.SocketGroup!)
            .ToDictionary(g => g.Key, g => Context.ActorOf(
                SharedTransportActor.Props(TransportActor.Props(_settings.SocketFactory), ConnectionsSettings.SharedSocketRouter(g.First())),
                $"socket-{g.Key}"));
        foreach (var login in _settings.Logins)
        {
            var id = new LoginId(login.Name);
            if (!login.Enabled)
            {
                _unavailable[id] = $"login '{login.Name}' is disabled in the configuration";
                continue;
            }

            var shared = login.SocketGroup is { Length: > 0 } group ? sockets[group] : null;
            var child = Context.Watch(Context.ActorOf(_settings.LoginProps(login, _time, shared), login.Name));
            _routes[id] = child;
            _byRef[child] = id;
        }
    }

    /// <summary>A failing backoff supervisor (it never should) is stopped: its login is reported unavailable, the rest runs on.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decider.From(Directive.Stop));

    private void Route(LoginId login, object message, Func<string, object> refusal)
    {
        if (_routes.TryGetValue(login, out var child))
        {
            child.Forward(message);
            return;
        }

        var why = _unavailable.TryGetValue(login, out var reason)
            ? reason
            : $"unknown login '{login}'; configured logins: {string.Join(", ", _settings.Logins.Select(l => l.Name))}";
        Sender.Tell(refusal(why), Self);
    }

    private QueryFailed Failed(LoginId login, object query, string why) => new(login, Now, query.GetType().Name, why, OutcomeUnknown: false);

    private void OnTerminated(Terminated terminated)
    {
        if (!_byRef.Remove(terminated.ActorRef, out var login))
        {
            return;
        }

        _routes.Remove(login);
        _unavailable[login] = $"login '{login}' is stopped (fatal error or drained); see the log";
        LogStoppedForGood(_log, login);
        Drained(login, ok: false);
    }

    private void OnDrain(DrainConnections drain)
    {
        if (_drain is not null)
        {
            Sender.Tell(new ConnectionsDrained([], [.. _routes.Keys]), Self);
            return;
        }

        _drain = new DrainRound(Sender, [.. _routes.Keys]);
        foreach (var child in _routes.Values)
        {
            child.Tell(new ConnectionActor.Drain(drain.CancelWorkingOrders), Self);
        }

        var longest = _settings.Logins.Select(l => l.DrainTimeout).DefaultIfEmpty(TimeSpan.Zero).Max();
        Timers.StartSingleTimer(DrainKey, new DrainDeadline(), longest + _settings.DrainGrace);
        if (_drain.Pending.Count == 0)
        {
            FinishDrain();
        }
    }

    private void Drained(LoginId login, bool ok, ImmutableArray<string> leftovers = default)
    {
        if (_drain is { } drain && drain.Pending.Remove(login))
        {
            (ok ? drain.Drained : drain.NotDrained).Add(login);
            if (!leftovers.IsDefaultOrEmpty)
            {
                drain.Leftovers[login] = leftovers;
            }

            if (drain.Pending.Count == 0)
            {
                FinishDrain();
            }
        }
    }

    private void FinishDrain()
    {
        if (_drain is not { Answered: false } drain)
        {
            return;
        }

        drain.Answered = true;
        Timers.Cancel(DrainKey);
        drain.NotDrained.AddRange(drain.Pending);
        drain.Requester.Tell(
            new ConnectionsDrained([.. drain.Drained], [.. drain.NotDrained]) { Leftovers = drain.Leftovers.ToImmutableDictionary() },
            Self);
    }

    private sealed record DrainDeadline;

    private sealed class DrainRound(IActorRef requester, HashSet<LoginId> pending)
    {
        public IActorRef Requester { get; } = requester;

        public HashSet<LoginId> Pending { get; } = pending;

        public List<LoginId> Drained { get; } = [];

        public List<LoginId> NotDrained { get; } = [];

        public Dictionary<LoginId, ImmutableArray<string>> Leftovers { get; } = [];

        public bool Answered { get; set; }
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Login {Login}: connection stopped for good")]
    private static partial void LogStoppedForGood(ILogger logger, LoginId login);
}
