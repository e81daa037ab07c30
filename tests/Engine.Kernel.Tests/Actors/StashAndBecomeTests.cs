using Engine.Kernel.Actors;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class StashAndBecomeTests : TestKitBase
{
    [Fact]
    public void Unstashed_messages_come_first_in_original_order_with_original_senders()
    {
        var other = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        actor.Tell(1, TestActor);
        actor.Tell(2, other.Ref);
        actor.Tell(3, TestActor);
        actor.Tell("open");
        actor.Tell(4, TestActor);

        ExpectMsg("closed:1");
        ExpectMsg("closed:3");
        other.ExpectMsg("closed:2");
        ExpectMsg("open:1");
        ExpectMsg("open:3");
        ExpectMsg("open:4");
        other.ExpectMsg("open:2");
    }

    [Fact]
    public void Become_stacked_and_unbecome_return_to_the_previous_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody()), "moody");
        actor.Tell("hi", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("hi", TestActor);
        actor.Tell("pop", TestActor);
        actor.Tell("hi", TestActor);

        ExpectMsg("calm:hi");
        ExpectMsg("angry:hi");
        ExpectMsg("calm:hi");
    }

    [Fact]
    public void Stash_goes_to_dead_letters_when_the_actor_stops()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        actor.Tell(1, TestActor);
        ExpectMsg("closed:1");

        Sys.Stop(actor);

        Assert.Equal(1, deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void A_restart_drops_the_stash_to_dead_letters_and_the_behaviour_to_the_initial_one()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Gate()), "gate");
        actor.Tell(1, TestActor);
        ExpectMsg("closed:1");

        actor.Tell(new InvalidOperationException("restart"));
        actor.Tell(2, TestActor);

        Assert.Equal(1, deadLetters.ExpectMsg<DeadLetter>().Message);
        ExpectMsg("closed:2");
    }

    private sealed class Gate : ReceiveActor
    {
        public Gate()
        {
            Receive<int>(i =>
            {
                Sender.Tell($"closed:{i}");
                Stash.Stash();
            });
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<int>(i => Sender.Tell($"open:{i}")));
                Stash.UnstashAll();
            });
        }
    }

    private sealed class Moody : ReceiveActor
    {
        public Moody()
        {
            Receive<string>(s => s == "push", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "pop", _ => UnbecomeStacked());
                Receive<string>(s => Sender.Tell("angry:" + s));
            }));
            Receive<string>(s => Sender.Tell("calm:" + s));
        }
    }
}
