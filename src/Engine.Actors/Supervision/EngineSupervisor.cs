using System.Collections.Frozen;
using Akka.Actor;
using Engine.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Supervision;

/// <summary>
/// The top of the engine (<c>/user/engine</c>): children <c>connections</c>, <c>feeds</c> (when configured, started
/// before the strategies, which subscribe through it) and <c>strategies</c>, supervised by
/// <see cref="Decisions"/>. A child that throws is restarted (up to <see cref="EngineSupervisorSettings.MaxRestarts"/>
/// per window, then stopped); a child that cannot be built, was killed or ignored a watched death is stopped.
/// Losing the strategies leaves the engine running: orders are still tracked, reconciled and cancelled at shutdown.
/// Losing the feeds leaves it running without market data.
/// Losing the connections is fatal: the supervisor stops itself, and the host, which watches it, exits non-zero.
/// Connections and strategies contain their own failures (backoff per login and per strategy), so reaching this
/// level means the whole tree is broken.
/// </summary>
public sealed class EngineSupervisor : ReceiveActor
{
    /// <summary>Name of the supervisor under <c>/user</c>.</summary>
    public const string Name = "engine";

    /// <summary>Name of the connections child.</summary>
    public const string ConnectionsName = "connections";

    /// <summary>Name of the strategies child.</summary>
    public const string StrategiesName = "strategies";

    private readonly EngineSupervisorSettings _settings;
    private readonly ILogger _log;
    private IActorRef _connections = ActorRefs.Nobody;
    private IActorRef _strategies = ActorRefs.Nobody;
    private IActorRef _feeds = ActorRefs.Nobody;

    /// <summary>Created by <see cref="Props"/> only.</summary>
    public EngineSupervisor(EngineSupervisorSettings settings)
    {
        _settings = settings;
        _log = Context.CreateLogger<EngineSupervisor>();
        Receive<GetEngineChildren>(_ => Sender.Tell(new EngineChildren(_connections, _strategies), Self));
        Receive<Terminated>(OnChildTerminated);
    }

    /// <summary>
    /// The decider table: exception type to directive; the most specific type wins (by inheritance distance, not by
    /// position in the table). Anything not listed is restarted (a transient fault in a child's own code).
    /// </summary>
    public static IReadOnlyList<(Type Exception, Directive Directive)> Decisions { get; } =
    [
        (typeof(ActorInitializationException), Directive.Stop),
        (typeof(ActorKilledException), Directive.Stop),
        (typeof(DeathPactException), Directive.Stop),
        (typeof(Exception), Directive.Restart),
    ];

    private static readonly FrozenDictionary<Type, Directive> DecisionByType =
        Decisions.ToFrozenDictionary(d => d.Exception, d => d.Directive);

    /// <summary>Props of the supervisor.</summary>
    public static Props Props(EngineSupervisorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Akka.Actor.Props.Create(() => new EngineSupervisor(settings));
    }

    /// <summary>
    /// The directive of <see cref="Decisions"/> for <paramref name="cause"/>: its own type is looked up first, then
    /// each base type in turn; <see cref="Directive.Restart"/> when nothing matches. Pure and thread-safe.
    /// </summary>
    public static Directive Decide(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        for (var type = cause.GetType(); type is not null; type = type.BaseType)
        {
            if (DecisionByType.TryGetValue(type, out var directive))
            {
                return directive;
            }
        }

        return Directive.Restart;
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _connections = Context.Watch(Context.ActorOf(_settings.Connections(), ConnectionsName));
        if (_settings.Feeds is { } feeds)
        {
            _feeds = Context.Watch(Context.ActorOf(feeds(), MarketData.FeedsSupervisor.Name));
        }

        _strategies = Context.Watch(Context.ActorOf(_settings.Strategies(_connections), StrategiesName));
        _log.EngineStarted(_connections.Path.ToString(), _strategies.Path.ToString());
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_settings.MaxRestarts, _settings.RestartWindow, Decider.From(Decide));

    private void OnChildTerminated(Terminated terminated)
    {
        if (terminated.ActorRef.Equals(_strategies))
        {
            _strategies = ActorRefs.Nobody;
            _log.StrategiesLost();
        }
        else if (terminated.ActorRef.Equals(_feeds))
        {
            _feeds = ActorRefs.Nobody;
            _log.FeedsLost();
        }
        else if (terminated.ActorRef.Equals(_connections))
        {
            _connections = ActorRefs.Nobody;
            _log.ConnectionsLost();
            Context.Stop(Self);
        }
    }
}
