using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Supervision;
using Engine.TestKit;

namespace Engine.Host.Tests;

public class EngineSupervisorTests : EngineTestKit
{
    private readonly TestProbe _events;

    public EngineSupervisorTests()
    {
        _events = CreateTestProbe("events");
    }

    public static TheoryData<Exception, Directive> Table => new()
    {
        { new ActorInitializationException("ctor failed"), Directive.Stop },
        { new ActorKilledException("killed"), Directive.Stop },
        { new DeathPactException(ActorRefs.Nobody), Directive.Stop },
        { new InvalidOperationException("bug"), Directive.Restart },
        { new IOException("socket"), Directive.Restart },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void The_decider_table(Exception exception, Directive expected) =>
        Assert.Equal(expected, EngineSupervisor.Decide(exception));

    [Fact]
    public void Builds_connections_first_and_hands_their_ref_to_the_strategies_factory()
    {
        IActorRef? handed = null;
        var engine = Start(strategies: connections =>
        {
            handed = connections;
            return RecordingChild.Props("strategies", _events.Ref);
        });

        var children = ChildrenOf(engine);

        Assert.Equal(children.Connections, handed);
        Assert.EndsWith("/user/engine/connections", children.Connections.Path.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/user/engine/strategies", children.Strategies.Path.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_that_throws_is_restarted_and_the_engine_keeps_running()
    {
        var engine = Start();
        var children = ChildrenOf(engine);

        children.Strategies.Tell(new InvalidOperationException("strategy bug"));

        _events.ExpectMsg<string>("strategies started");
        children.Strategies.Tell("ping", ActorRefs.Nobody);
        _events.ExpectMsg<string>("strategies: ping");
        Assert.Equal(children, ChildrenOf(engine));
    }

    [Fact]
    public void A_killed_strategy_host_is_stopped_and_the_engine_keeps_its_connections()
    {
        var engine = Start();
        var children = ChildrenOf(engine);
        Watch(children.Strategies);

        children.Strategies.Tell(Kill.Instance);

        ExpectTerminated(children.Strategies);
        AwaitAssert(() => Assert.Equal(ActorRefs.Nobody, ChildrenOf(engine).Strategies));
        children.Connections.Tell("ping", ActorRefs.Nobody);
        _events.ExpectMsg<string>("connections: ping");
    }

    [Fact]
    public void A_child_failing_more_often_than_allowed_is_stopped()
    {
        var engine = Start(maxRestarts: 2);
        var children = ChildrenOf(engine);
        Watch(children.Strategies);

        for (var i = 0; i < 3; i++)
        {
            children.Strategies.Tell(new InvalidOperationException("again " + i));
        }

        ExpectTerminated(children.Strategies);
        children.Connections.Tell("ping", ActorRefs.Nobody);
        _events.FishForMessage<string>(m => m == "connections: ping");
        AwaitAssert(() => Assert.Equal(ActorRefs.Nobody, ChildrenOf(engine).Strategies));
    }

    [Fact]
    public void Losing_the_connections_stops_the_engine_so_the_host_can_exit_non_zero()
    {
        var engine = Start();
        var children = ChildrenOf(engine);
        Watch(engine);

        children.Connections.Tell(Kill.Instance);

        ExpectTerminated(engine);
    }

    private IActorRef Start(Func<IActorRef, Props>? strategies = null, int maxRestarts = 10)
    {
        var settings = new EngineSupervisorSettings(
            () => RecordingChild.Props("connections", _events.Ref),
            strategies ?? (_ => RecordingChild.Props("strategies", _events.Ref)))
        {
            MaxRestarts = maxRestarts,
        };
        var engine = Sys.ActorOf(EngineSupervisor.Props(settings), EngineSupervisor.Name);
        // The two children start on their own threads: their "started" reports may come in either order.
        var started = new[] { _events.ExpectMsg<string>(), _events.ExpectMsg<string>() };
        Assert.Equal(["connections started", "strategies started"], started.Order(StringComparer.Ordinal));
        return engine;
    }

    private EngineChildren ChildrenOf(IActorRef engine)
    {
        engine.Tell(GetEngineChildren.Instance, TestActor);
        return ExpectMsg<EngineChildren>();
    }
}
