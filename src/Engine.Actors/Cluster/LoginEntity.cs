using Akka.Actor;
using Akka.Cluster;
using Engine.Actors.Connections;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Cluster;

/// <summary>
/// A login as a sharded entity (entity id = login name): the same subtree a single node runs under the connections
/// supervisor (the connection behind its backoff supervisor, with its event-sourced order or task book), started wherever
/// the shard coordinator places the login. Sharding runs it once in the cluster; the split-brain resolver keeps it once
/// across a partition; the journal's unique (persistence id, sequence number) refuses a second writer should both fail.
/// Commands are forwarded to the connection (the sender gets the answer); a login that is not configured, disabled or
/// stopped for good answers with the refusal naming it. On <see cref="LoginHandOff"/> (rebalance, node leaving) the
/// connection drains without cancelling, waiting within its drain timeout for the replies in flight, and the entity
/// stops; after a node crash the entity starts on a surviving node (remember-entities), the book recovers from the shared
/// journal and the connection reconciles with the venue, as after a restart. A login that arrives on a node already
/// shutting down does not log in there: it waits for its hand-off. Publishes <see cref="LoginHosted"/> and
/// <see cref="LoginReleased"/> (the latter only for a login that started here) on the node's event stream, and answers a
/// <see cref="WhoIsHosted"/> published there with its <see cref="LoginHosted"/> while it runs here: the entity, not any
/// listener's memory of the stream, is what says where a login runs.
/// </summary>
public sealed partial class LoginEntity : ReceiveActor, IWithTimers
{
    private const string HandOffKey = "hand-off-deadline";

    private readonly LoginId _login;
    private readonly LoginOptions? _options;
    private readonly ConnectionsSettings _settings;
    private readonly ILogger _log;
    private IActorRef? _subtree;
    private LoginHosted? _hosted;
    private string? _unavailable;

    /// <summary>Use <see cref="Props"/>.</summary>
    public LoginEntity(string entityId, ConnectionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _login = new LoginId(entityId);
        _settings = settings;
        _options = settings.Logins.FirstOrDefault(l => l.Name == entityId);
        _log = Context.CreateLogger<LoginEntity>();
        Running();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the entity of login <paramref name="entityId"/>, built from the node's <paramref name="settings"/>.</summary>
    public static Props Props(string entityId, ConnectionsSettings settings) =>
        Akka.Actor.Props.Create(() => new LoginEntity(entityId, settings));

    private static DateTimeOffset Now => Context.Engine().Time.GetUtcNow();

    /// <inheritdoc />
    protected override void PreStart()
    {
        var node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;
        if (_options is null)
        {
            _unavailable = $"unknown login '{_login}'; configured logins: {string.Join(", ", _settings.Logins.Select(l => l.Name))}";
            return;
        }

        if (!_options.Enabled)
        {
            _unavailable = $"login '{_login}' is disabled in the configuration";
            return;
        }

        if (CoordinatedShutdown.Get(Context.System).ShutdownReason is { } reason)
        {
            // The node is stopping (its shards are being handed off): logging in here would start a session, and with it the
            // login's strategy, only to end it mid-flight. The entity waits for its hand-off and starts on another node.
            _unavailable = $"login '{_login}' arrived on node {node}, which is shutting down ({reason}); it starts on another node";
            LogArrivedWhileStopping(_log, _login, node);
            return;
        }

        _subtree = Context.Watch(Context.ActorOf(_settings.LoginProps(_options, Context.Engine().Time, sharedSocket: null), _options.Name));
        LogStarted(_log, _login, node);
        _hosted = new LoginHosted(_login, node);
        Context.System.EventStream.Subscribe(Self, typeof(WhoIsHosted));
        Context.System.EventStream.Publish(_hosted);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (_hosted is not null)
        {
            Context.System.EventStream.Unsubscribe(Self, typeof(WhoIsHosted));
            Context.System.EventStream.Publish(new LoginReleased(_login));
        }
    }

    private void Running()
    {
        Receive<StartLogin>(_ => { });
        Receive<WhoIsHosted>(AnswerWhoIsHosted);
        Receive<LoginHandOff>(_ => HandOff());
        Receive<Terminated>(t => t.ActorRef.Equals(_subtree), _ => StoppedForGood());
        ReceiveAny(Route);
    }

    private void HandingOff()
    {
        Receive<ConnectionActor.Drained>(_ => Context.Stop(Self));
        Receive<Terminated>(t => t.ActorRef.Equals(_subtree), _ => Context.Stop(Self));
        Receive<HandOffDeadline>(_ => Context.Stop(Self));
        Receive<LoginHandOff>(_ => { });
        Receive<WhoIsHosted>(AnswerWhoIsHosted);
        ReceiveAny(m => Refuse(m, $"login '{_login}' is moving to another node"));
    }

    private void AnswerWhoIsHosted(WhoIsHosted question)
    {
        if (_hosted is not null)
        {
            question.ReplyTo.Tell(_hosted, Self);
        }
    }

    private void Route(object message)
    {
        if (!LoginCommands.TryGetLogin(message, out _))
        {
            Unhandled(message);
            return;
        }

        if (_subtree is not null && _unavailable is null)
        {
            _subtree.Forward(message);
            return;
        }

        Refuse(message, _unavailable ?? $"login '{_login}' is not running");
    }

    private void Refuse(object message, string why)
    {
        if (LoginCommands.TryGetLogin(message, out _))
        {
            Sender.Tell(LoginCommands.Refusal(message, why, Now), Self);
        }
    }

    private void HandOff()
    {
        if (_subtree is null || _unavailable is not null)
        {
            Context.Stop(Self);
            return;
        }

        LogHandingOff(_log, _login);
        _subtree.Tell(new ConnectionActor.Drain(CancelWorkingOrders: false), Self);
        Timers.StartSingleTimer(HandOffKey, new HandOffDeadline(), _options!.DrainTimeout + _settings.DrainGrace);
        Become(HandingOff);
    }

    private void StoppedForGood()
    {
        _unavailable = $"login '{_login}' is stopped (fatal error or drained); see the log";
        LogStoppedForGood(_log, _login);
    }

    private sealed record HandOffDeadline;

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Login {Login}: started on node {Node}")]
    private static partial void LogStarted(ILogger logger, LoginId login, Address node);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Login {Login}: handing off to another node (drain without cancelling)")]
    private static partial void LogHandingOff(ILogger logger, LoginId login);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Information, Message = "Login {Login}: not started on node {Node}, which is shutting down; it waits for its hand-off to another node")]
    private static partial void LogArrivedWhileStopping(ILogger logger, LoginId login, Address node);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "Login {Login}: connection stopped for good")]
    private static partial void LogStoppedForGood(ILogger logger, LoginId login);
}
