using Engine.Kernel.Actors;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class MailboxTests : TestKitBase
{
    [Fact]
    public async Task Messages_from_each_sender_arrive_in_send_order_under_concurrent_senders()
    {
        const int senders = 8;
        const int perSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(senders)), "checker");

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                checker.Tell(new Numbered(s, i));
            }
        })));

        var result = await checker.Ask<(int Received, int Violations)>("result", TimeSpan.FromSeconds(30));
        Assert.Equal((senders * perSender, 0), result);
    }

    [Fact]
    public void A_stop_overtakes_queued_user_messages_which_become_dead_letters()
    {
        using var gate = new ManualResetEventSlim();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Gated(gate, TestActor)), "gated");
        Watch(actor);
        actor.Tell("block");
        ExpectMsg("blocked:block");
        for (var i = 0; i < 5; i++)
        {
            actor.Tell($"m{i}");
        }

        Sys.Stop(actor);
        gate.Set();

        ExpectTerminated(actor);
        var dead = Enumerable.Range(0, 5).Select(_ => deadLetters.ExpectMsg<DeadLetter>()).ToList();
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], dead.Select(d => d.Message));
        Assert.All(dead, d => Assert.Equal(actor, d.Recipient));
    }

    [Fact]
    public void An_actor_handles_at_most_throughput_messages_per_turn()
    {
        using var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new TurnRecorder(gate, TestActor)).WithThroughput(3), "turns");
        actor.Tell(0);
        ExpectMsg("blocked");
        for (var i = 1; i < 10; i++)
        {
            actor.Tell(i);
        }

        gate.Set();
        actor.Tell("report");

        var turns = ExpectMsg<List<int>>();
        Assert.Equal(10, turns.Count);
        Assert.All(turns.GroupBy(t => t), g => Assert.True(g.Count() <= 3));
        Assert.Equal(3, turns.GroupBy(t => t).Max(g => g.Count()));
    }

    [Fact]
    public void Poison_pill_stops_after_earlier_messages()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "p"), "p");
        ExpectMsg("p:prestart");
        Watch(actor);
        actor.Tell(4);
        actor.Tell("get", TestActor);
        actor.Tell(PoisonPill.Instance);
        actor.Tell("get", TestActor);

        ExpectMsg(4);
        ExpectMsg("p:poststop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Names_are_unique_among_live_siblings_and_validated()
    {
        Sys.ActorOf(Reporter.Props(TestActor, "n"), "n");
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Reporter.Props(TestActor, "n"), "n"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Reporter.Props(TestActor, "x"), "$x"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Reporter.Props(TestActor, "x"), "a/b"));
        var generated = Sys.ActorOf(Reporter.Props(TestActor, "g"));
        Assert.StartsWith("$", generated.Path.Name, StringComparison.Ordinal);
        Assert.Equal("engine://test/user/n", Sys.ActorOf(Reporter.Props(TestActor, "m"), "m").Path.Parent!.Child("n").ToString());
    }

    private sealed record Numbered(int Sender, int Seq);

    private sealed record WatchIt(IActorRef Subject);

    private sealed class OrderChecker : ReceiveActor
    {
        public OrderChecker(int senders)
        {
            var last = Enumerable.Repeat(-1, senders).ToArray();
            var received = 0;
            var violations = 0;
            Receive<Numbered>(n =>
            {
                received++;
                if (n.Seq != last[n.Sender] + 1)
                {
                    violations++;
                }

                last[n.Sender] = n.Seq;
            });
            Receive<string>(_ => Sender.Tell((received, violations)));
        }
    }

    private sealed class Gated : ReceiveActor
    {
        public Gated(ManualResetEventSlim gate, IActorRef probe)
        {
            Receive<string>(s => s == "block", s =>
            {
                probe.Tell("blocked:" + s);
                gate.Wait(TimeSpan.FromSeconds(10));
            });
            Receive<string>(s => probe.Tell("handled:" + s));
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Subject);
                probe.Tell("watching");
            });
            Receive<Terminated>(t => probe.Tell(t));
        }
    }

    private sealed class TurnRecorder : ReceiveActor
    {
        public TurnRecorder(ManualResetEventSlim gate, IActorRef probe)
        {
            var turns = new List<int>();
            Receive<int>(i =>
            {
                turns.Add(Cell.TurnCount);
                if (i == 0)
                {
                    probe.Tell("blocked");
                    gate.Wait(TimeSpan.FromSeconds(10));
                }
            });
            Receive<string>(_ => probe.Tell(turns));
        }
    }
}
