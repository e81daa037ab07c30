using Engine.Kernel.Actors;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class DeathWatchTests : TestKitBase
{
    [Fact]
    public void Terminated_is_delivered_exactly_once_even_when_watched_twice()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "a"), "a");
        ExpectMsg("a:prestart");
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        watcher.Watch(actor);

        Sys.Stop(actor);

        var terminated = watcher.ExpectTerminated(actor);
        Assert.True(terminated.ExistenceConfirmed);
        watcher.ExpectNoMsg();
    }

    [Fact]
    public void Watching_an_already_dead_actor_delivers_terminated()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "a"), "a");
        Watch(actor);
        Sys.Stop(actor);
        ExpectMsg("a:prestart");
        ExpectMsg("a:poststop");
        ExpectTerminated(actor);

        var late = CreateTestProbe();
        late.Watch(actor);

        Assert.False(late.ExpectTerminated(actor).ExistenceConfirmed);
        late.ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_suppresses_terminated()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "a"), "a");
        ExpectMsg("a:prestart");
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        watcher.Unwatch(actor);
        var control = CreateTestProbe();
        control.Watch(actor);

        Sys.Stop(actor);

        control.ExpectTerminated(actor);
        watcher.ExpectNoMsg();
    }

    [Fact]
    public void Stopping_a_parent_stops_children_first_then_notifies_watchers()
    {
        var parent = Sys.ActorOf(Reporter.Props(TestActor, "p"), "p");
        ExpectMsg("p:prestart");
        foreach (var name in new[] { "c1", "c2" })
        {
            parent.Tell((Reporter.Props(TestActor, name), name), TestActor);
            var child = ReceiveN(2).OfType<IActorRef>().Single();
            child.Tell((Reporter.Props(TestActor, name + "g"), name + "g"), TestActor);
            ReceiveN(2);
        }

        Watch(parent);
        Sys.Stop(parent);

        var order = ReceiveN(5).Cast<string>().ToList();
        Assert.True(order.IndexOf("c1g:poststop") < order.IndexOf("c1:poststop"));
        Assert.True(order.IndexOf("c2g:poststop") < order.IndexOf("c2:poststop"));
        Assert.Equal("p:poststop", order[^1]);
        ExpectTerminated(parent);
    }

    [Fact]
    public void An_actor_watching_another_receives_terminated_in_its_behaviour()
    {
        var subject = Sys.ActorOf(Reporter.Props(TestActor, "s"), "s");
        ExpectMsg("s:prestart");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(subject, TestActor)), "w");
        ExpectMsg("watching");

        subject.Tell(PoisonPill.Instance);

        ExpectMsg("s:poststop");
        Assert.Equal(subject, ExpectMsg<Terminated>().ActorRef);
        ExpectNoMsg();
        Assert.NotEqual(subject, watcher);
    }

    [Fact]
    public void An_unhandled_terminated_is_a_death_pact()
    {
        var subject = Sys.ActorOf(Reporter.Props(TestActor, "s"), "s");
        ExpectMsg("s:prestart");
        var pact = Sys.ActorOf(Props.Create(() => new Pact(subject, TestActor)), "pact");
        ExpectMsg("watching");
        Watch(pact);

        Sys.Stop(subject);

        ExpectMsg("s:poststop");
        ExpectTerminated(pact);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef subject, IActorRef probe)
        {
            Context.Watch(subject);
            probe.Tell("watching");
            Receive<Terminated>(t => probe.Tell(t));
        }
    }

    private sealed class Pact : ReceiveActor
    {
        public Pact(IActorRef subject, IActorRef probe)
        {
            Context.Watch(subject);
            probe.Tell("watching");
        }
    }
}
