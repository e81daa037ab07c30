using Engine.Kernel.Actors;
using Engine.Kernel.Actors.Supervision;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class SupervisionTests : TestKitBase
{
    private IActorRef Parent(SupervisorStrategy strategy, string name = "parent") =>
        Sys.ActorOf(Reporter.Props(TestActor, name).WithSupervisorStrategy(strategy), name);

    private IActorRef Child(IActorRef parent, string name)
    {
        parent.Tell((Reporter.Props(TestActor, name), name), TestActor);
        var both = ReceiveN(2);
        Assert.Contains($"{name}:prestart", both);
        return both.OfType<IActorRef>().Single();
    }

    private IActorRef StartParent(SupervisorStrategy strategy)
    {
        var parent = Parent(strategy);
        ExpectMsg("parent:prestart");
        return parent;
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var parent = StartParent(new OneForOneStrategy(_ => Directive.Resume));
        var child = Child(parent, "c");
        child.Tell(5);
        child.Tell(new InvalidOperationException("x"));
        child.Tell("get", TestActor);

        ExpectMsg(5);
    }

    [Fact]
    public void Restart_replaces_the_instance_drops_the_failing_message_and_keeps_the_mailbox()
    {
        var parent = StartParent(new OneForOneStrategy(_ => Directive.Restart));
        var child = Child(parent, "c");
        child.Tell(5);
        child.Tell(new InvalidOperationException("x"));
        child.Tell(2);
        child.Tell("get", TestActor);

        ExpectMsg("c:prerestart:x");
        ExpectMsg("c:poststop");
        ExpectMsg("c:postrestart");
        ExpectMsg("c:prestart");
        ExpectMsg(2);
    }

    [Fact]
    public void Stop_stops_the_child()
    {
        var parent = StartParent(new OneForOneStrategy(_ => Directive.Stop));
        var child = Child(parent, "c");
        Watch(child);
        child.Tell(new InvalidOperationException("x"));

        ExpectMsg("c:poststop");
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_fails_the_parent_with_the_same_exception()
    {
        var decisions = CreateTestProbe();
        var top = Sys.ActorOf(
            Reporter.Props(TestActor, "top").WithSupervisorStrategy(new OneForOneStrategy(e =>
            {
                decisions.Ref.Tell(e.Message);
                return Directive.Stop;
            })),
            "top");
        ExpectMsg("top:prestart");
        top.Tell((Reporter.Props(TestActor, "mid").WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate)), "mid"), TestActor);
        var mid = ReceiveN(2).OfType<IActorRef>().Single();
        var leaf = Child(mid, "leaf");
        Watch(mid);

        leaf.Tell(new InvalidOperationException("deep"));

        decisions.ExpectMsg("deep");
        ExpectMsg("leaf:poststop");
        ExpectMsg("mid:poststop");
        ExpectTerminated(mid);
    }

    [Fact]
    public void Max_retries_within_the_window_turns_restart_into_stop()
    {
        var parent = StartParent(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var child = Child(parent, "c");
        Watch(child);

        void FailAndExpectRestart()
        {
            child.Tell(new InvalidOperationException("x"));
            ExpectMsg("c:prerestart:x");
            ExpectMsg("c:poststop");
            ExpectMsg("c:postrestart");
            ExpectMsg("c:prestart");
        }

        FailAndExpectRestart();
        FailAndExpectRestart();
        Advance(TimeSpan.FromMinutes(2));
        FailAndExpectRestart();
        FailAndExpectRestart();

        child.Tell(new InvalidOperationException("x"));
        ExpectMsg("c:poststop");
        ExpectTerminated(child);
    }

    [Fact]
    public void All_for_one_restarts_every_child()
    {
        var parent = StartParent(new AllForOneStrategy(_ => Directive.Restart));
        var a = Child(parent, "a");
        var b = Child(parent, "b");
        b.Tell(7);

        a.Tell(new InvalidOperationException("x"));

        var messages = ReceiveN(8).Cast<string>().ToList();
        Assert.Contains("a:postrestart", messages);
        Assert.Contains("b:postrestart", messages);
        b.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void All_for_one_stop_stops_every_child()
    {
        var parent = StartParent(new AllForOneStrategy(_ => Directive.Stop));
        var a = Child(parent, "a");
        var b = Child(parent, "b");
        var watcher = CreateTestProbe();
        watcher.Watch(a);
        watcher.Watch(b);

        a.Tell(new InvalidOperationException("x"));

        var terminated = new[] { watcher.ExpectMsg<Terminated>(), watcher.ExpectMsg<Terminated>() }.Select(t => t.ActorRef).ToHashSet();
        Assert.Equal(new HashSet<IActorRef> { a, b }, terminated);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException), Directive.Resume)]
    [InlineData(typeof(FormatException), Directive.Stop)]
    [InlineData(typeof(UriFormatException), Directive.Stop)]
    [InlineData(typeof(ArgumentNullException), Directive.Escalate)]
    [InlineData(typeof(ArgumentException), Directive.Restart)]
    [InlineData(typeof(TimeoutException), Directive.Restart)]
    public void Decider_table_picks_the_most_specific_type(Type exception, Directive expected)
    {
        var decider = Decider.From(
            Directive.Restart,
            (typeof(InvalidOperationException), Directive.Resume),
            (typeof(FormatException), Directive.Stop),
            (typeof(ArgumentNullException), Directive.Escalate));

        Assert.Equal(expected, decider((Exception)Activator.CreateInstance(exception)!));
    }

    [Theory]
    [InlineData(typeof(ActorInitializationException), Directive.Stop)]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    public void Default_strategy_restarts_except_initialization_kill_and_death_pact(Type exception, Directive expected) =>
        Assert.Equal(expected, SupervisorStrategy.DefaultStrategy.Decider((Exception)Activator.CreateInstance(exception)!));

    [Fact]
    public void Kill_stops_an_actor_under_the_default_strategy()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "k"), "k");
        ExpectMsg("k:prestart");
        Watch(actor);

        actor.Tell(Kill.Instance);

        ExpectMsg("k:poststop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void A_top_level_actor_that_throws_is_restarted_by_the_user_guardian()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "t"), "t");
        ExpectMsg("t:prestart");

        actor.Tell(new InvalidOperationException("x"));

        ExpectMsg("t:prerestart:x");
    }

    [Fact]
    public void A_failing_constructor_stops_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Throwing()), "bad");
        Watch(actor);

        ExpectTerminated(actor);
    }

    private sealed class Throwing : ActorBase
    {
        public Throwing() => throw new InvalidOperationException("ctor");

        protected internal override bool Receive(object message) => true;
    }
}
