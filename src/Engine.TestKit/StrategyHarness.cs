using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Strategies;
using Engine.Config;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.TestKit;

/// <summary>
/// Runs one strategy under test with its <see cref="StrategyContext"/> wired to probes: <see cref="Connections"/> plays
/// the connections actor (every command and query the strategy sends arrives there, and <see cref="Reply"/> answers the
/// strategy), <see cref="Host"/> plays the strategy host. Engine events are published on the system's event stream,
/// exactly as the engine does, so the strategy's own login filter applies. The strategy runs on the test's
/// <see cref="VirtualClock"/> (its timestamps, client order ids and timers). Built by
/// <see cref="EngineTestKit"/> subclasses, one per strategy instance; not thread-safe (use it from the test).
/// </summary>
public sealed class StrategyHarness
{
    private readonly EngineTestKit _kit;

    /// <summary>A harness for the instance <paramref name="name"/> trading <paramref name="logins"/>, with <paramref name="parameters"/> (HOCON, reported as <paramref name="file"/>).</summary>
    public StrategyHarness(EngineTestKit kit, string name, IReadOnlyList<LoginId> logins, string parameters = "", string file = "strategy.conf")
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(logins);
        _kit = kit;
        Connections = kit.CreateTestProbe("connections");
        Host = kit.CreateTestProbe("host");
        Context = new StrategyContext(name, logins, Connections.Ref, HoconConfig.Parse(parameters, file).Resolve(_ => null))
        {
            TimeProvider = kit.Clock,
            Host = Host.Ref,
        };
    }

    /// <summary>Plays the connections actor: the strategy's commands and queries arrive here.</summary>
    public TestProbe Connections { get; }

    /// <summary>Plays the strategy host (told when the strategy stops itself on purpose).</summary>
    public TestProbe Host { get; }

    /// <summary>The context handed to the strategy.</summary>
    public StrategyContext Context { get; }

    /// <summary>The running strategy; <see cref="ActorRefs.Nobody"/> before <see cref="Start{TStrategy}"/>.</summary>
    public IActorRef Strategy { get; private set; } = ActorRefs.Nobody;

    /// <summary>Starts <typeparamref name="TStrategy"/> through its public constructor taking a <see cref="StrategyContext"/>, as the host does.</summary>
    public IActorRef Start<TStrategy>(string? actorName = null)
        where TStrategy : StrategyActor =>
        Start(Props.Create<TStrategy>(Context), actorName);

    /// <summary>Starts the strategy from <paramref name="props"/> (built with <see cref="Context"/>), named after the instance by default.</summary>
    public IActorRef Start(Props props, string? actorName = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        Strategy = _kit.Sys.ActorOf(props, actorName ?? Context.Name);
        return Strategy;
    }

    /// <summary>Publishes <paramref name="engineEvent"/> on the event stream, as the engine does.</summary>
    public void Publish(IEngineEvent engineEvent) => _kit.Sys.EventStream.Publish(engineEvent);

    /// <summary>Publishes that <paramref name="login"/> (the first login by default) is now in <paramref name="state"/>.</summary>
    public void PublishState(ConnectionState state, LoginId? login = null) =>
        Publish(new ConnectionStateChanged(login ?? Context.Logins[0], _kit.Clock.GetUtcNow(), state));

    /// <summary>Publishes the venue's acceptance of <paramref name="order"/>.</summary>
    public void Accept(SubmitOrder order, string venueOrderId = "v-1")
    {
        ArgumentNullException.ThrowIfNull(order);
        Publish(new OrderAccepted(order.Login, order.ClientOrderId, _kit.Clock.GetUtcNow(), new VenueOrderId(venueOrderId)));
    }

    /// <summary>Publishes a fill of <paramref name="order"/>: the final one (<see cref="OrderFilled"/>) or a partial one.</summary>
    public void Fill(SubmitOrder order, decimal price, decimal quantity, bool completes = true, string fillId = "f-1", string venueOrderId = "v-1")
    {
        ArgumentNullException.ThrowIfNull(order);
        var now = _kit.Clock.GetUtcNow();
        Publish(completes
            ? new OrderFilled(order.Login, order.ClientOrderId, now, new VenueOrderId(venueOrderId), new FillId(fillId), price, quantity)
            : new OrderPartiallyFilled(order.Login, order.ClientOrderId, now, new VenueOrderId(venueOrderId), new FillId(fillId), price, quantity));
    }

    /// <summary>Answers the last message <see cref="Connections"/> received (a query's reply), to its sender: the strategy.</summary>
    public void Reply(object message) => Connections.Reply(message);

    /// <summary>Expects the next message to the connections actor to be a <see cref="SubmitOrder"/> (matching <paramref name="isOrder"/>).</summary>
    public SubmitOrder ExpectSubmit(Predicate<SubmitOrder>? isOrder = null, TimeSpan? timeout = null) =>
        isOrder is null ? Connections.ExpectMsg<SubmitOrder>(timeout) : Connections.ExpectMsg<SubmitOrder>(isOrder, timeout);

    /// <summary>Expects the next message to the connections actor to be a <see cref="CancelOrder"/> (matching <paramref name="isCancel"/>).</summary>
    public CancelOrder ExpectCancel(Predicate<CancelOrder>? isCancel = null, TimeSpan? timeout = null) =>
        isCancel is null ? Connections.ExpectMsg<CancelOrder>(timeout) : Connections.ExpectMsg<CancelOrder>(isCancel, timeout);

    /// <summary>Expects the next message to the connections actor to be a <typeparamref name="T"/> (a query, a cancel-all...).</summary>
    public T ExpectCommand<T>(TimeSpan? timeout = null) => Connections.ExpectMsg<T>(timeout);

    /// <summary>Fails if the strategy sends the connections actor anything within <paramref name="duration"/> (the TestKit's no-message default when null).</summary>
    public void ExpectNothingSent(TimeSpan? duration = null)
    {
        if (duration is { } wait)
        {
            Connections.ExpectNoMsg(wait);
        }
        else
        {
            Connections.ExpectNoMsg();
        }
    }
}
