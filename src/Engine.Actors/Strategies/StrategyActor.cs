using Akka.Actor;
using Engine.Actors.Runtime;
using Engine.Config;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Strategies;

/// <summary>
/// Base class of strategy plugins. A plugin is a concrete subclass with a public constructor taking one
/// <see cref="StrategyContext"/>; the host loads it by reflection and runs one instance per configured strategy,
/// restarting it with backoff when it throws. The base class gives:
/// <list type="bullet">
/// <item>commands and queries to the connections actor (<see cref="Submit"/>, <see cref="Cancel"/>, <see cref="CancelAll"/>,
/// <c>Query*</c>; replies and command rejections come back to this actor as ordinary messages);</item>
/// <item>the engine events of its logins only, through the hooks (<see cref="OnOrderEvent"/>, <see cref="OnFill"/>,
/// <see cref="OnBalance"/>, <see cref="OnPosition"/>, <see cref="OnConnectionState"/>, <see cref="OnBudgetExhausted"/>):
/// it subscribes to the event stream before <see cref="OnStart"/> and unsubscribes after <see cref="OnStop"/>;</item>
/// <item>its own working orders (<see cref="WorkingOrders"/>), tracked from those events through the order lifecycle table;</item>
/// <item>strict parameter binding (<see cref="Parameters{T}"/>) and keyed timers (<see cref="Timers"/>, Akka's
/// <see cref="IWithTimers"/> on the actor system's scheduler: the <c>TestScheduler</c> of the engine's TestKit in tests).</item>
/// </list>
/// Engine events reach the hooks in every behaviour: the initial behaviour routes them before the subclass's own
/// handlers, and a behaviour set with <c>Become</c> routes the ones it does not handle itself. Like every actor, a
/// strategy runs one message at a time and must never block. It is an Akka <see cref="ReceiveActor"/>: build it with
/// <c>Props.Create(() => new MyStrategy(context))</c> (the host does this by reflection); every incarnation is a new
/// instance built from the same context, so its state starts fresh.
/// </summary>
public abstract partial class StrategyActor : ReceiveActor, IWithTimers
{
    private readonly HashSet<LoginId> _logins;
    private readonly ClientOrderIdGenerator _ids;

    /// <summary>Called by the host (or a test) with the instance's context.</summary>
    protected StrategyActor(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Strategy = context;
        _logins = [.. context.Logins];
        Clock = context.TimeProvider ?? Context.Engine().Time;
        var type = GetType();
        Logger = new ActorPathLogger(
            context.Logger ?? Context.Engine().LoggerFactory.CreateLogger(type.FullName ?? type.Name),
            Self.Path);
        _ids = new ClientOrderIdGenerator(context.Name, Clock);
        Receive<IEngineEvent>(RouteEngineEvent);
        ReceiveMarketData();
    }

    /// <summary>Keyed timers of this incarnation (set by Akka before <see cref="OnStart"/>; canceled when it stops).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The context the host gave this instance.</summary>
    protected StrategyContext Strategy { get; }

    /// <summary>The instance name from configuration.</summary>
    protected string Name => Strategy.Name;

    /// <summary>The logins this strategy trades; events of other logins never reach it.</summary>
    protected IReadOnlyList<LoginId> Logins => Strategy.Logins;

    /// <summary>Where commands and queries go.</summary>
    protected IActorRef Connections => Strategy.Connections;

    /// <summary>
    /// The strategy's clock: the context's, or the actor system's engine clock (<c>Context.Engine().Time</c>) when the
    /// context gives none; the host gives the engine clock.
    /// </summary>
    protected TimeProvider Clock { get; }

    /// <summary>
    /// The strategy's logger: the context's, or one named after the strategy type from the engine's logger factory when
    /// the context gives none; either way every entry carries this actor's path.
    /// </summary>
    protected ILogger Logger { get; }

    /// <summary>
    /// Binds the strategy's parameters strictly to <typeparamref name="T"/> (kebab-case keys). Throws
    /// <see cref="ConfigException"/> listing every unknown key, missing required key, wrong type or failed validation
    /// with its file and line.
    /// </summary>
    protected T Parameters<T>() => Strategy.Parameters.Bind<T>(string.Empty);

    /// <summary>Runs before the first message of each incarnation, after the event subscription is in place.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>
    /// Runs once when the incarnation stops (on purpose, on shutdown or after a failure), before the event subscription
    /// is dropped: the place to cancel working orders. Commands told here still reach the connections actor.
    /// </summary>
    protected virtual void OnStop()
    {
    }

    /// <summary>
    /// Stops this strategy on purpose: the host records <paramref name="reason"/> and does not restart it. Stopping
    /// with <c>Context.Stop(Self)</c> instead looks like a failure to the host.
    /// </summary>
    protected void StopStrategy(string reason)
    {
        Strategy.Host.Tell(new StrategySelfStopped(Name, reason), Self);
        Context.Stop(Self);
    }

    protected sealed override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IEngineEvent));
        OnStart();
    }

    protected sealed override void PostStop()
    {
        try
        {
            OnStop();
        }
        finally
        {
            Context.System.EventStream.Unsubscribe(Self);
        }
    }

    /// <summary>Engine events of a behaviour set with <c>Become</c> that did not handle them itself still reach the hooks.</summary>
    protected override void Unhandled(object message)
    {
        if (message is IEngineEvent engineEvent)
        {
            RouteEngineEvent(engineEvent);
            return;
        }

        if (RouteMarketData(message))
        {
            return;
        }

        base.Unhandled(message);
    }

    /// <summary>True when <paramref name="login"/> is one of this strategy's logins.</summary>
    protected bool IsMyLogin(LoginId login) => _logins.Contains(login);
}
