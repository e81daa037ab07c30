using Engine.Kernel.Actors;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class TimerTests : TestKitBase
{
    private IActorRef StartTimed(ManualResetEventSlim? gate = null)
    {
        var actor = Sys.ActorOf(Props.Create(() => new Timed(TestActor, gate)), "timed");
        ExpectMsg("started");
        return actor;
    }

    [Fact]
    public void A_single_timer_fires_once_on_virtual_time()
    {
        var actor = StartTimed();
        actor.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1), false));
        ExpectMsg("ok");

        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("tick");
        actor.Tell("active?", TestActor);
        ExpectMsg(false);
        Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval_until_cancelled()
    {
        var actor = StartTimed();
        actor.Tell(new Start("p", "tick", TimeSpan.FromSeconds(1), true));
        ExpectMsg("ok");

        Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");

        actor.Tell("cancel", TestActor);
        ExpectMsg("cancelled");
        Advance(TimeSpan.FromSeconds(3));
        ExpectNoMsg();
    }

    [Fact]
    public void Starting_a_key_again_replaces_the_timer()
    {
        var actor = StartTimed();
        actor.Tell(new Start("k", "old", TimeSpan.FromSeconds(1), false));
        actor.Tell(new Start("k", "new", TimeSpan.FromSeconds(2), false));
        ExpectMsg("ok");
        ExpectMsg("ok");

        Advance(TimeSpan.FromSeconds(3));

        ExpectMsg("new");
        ExpectNoMsg();
    }

    [Fact]
    public void A_message_already_queued_by_a_replaced_timer_is_not_delivered()
    {
        using var gate = new ManualResetEventSlim();
        var actor = StartTimed(gate);
        actor.Tell(new Start("k", "old", TimeSpan.FromSeconds(1), false));
        ExpectMsg("ok");
        actor.Tell("block-then-replace");
        ExpectMsg("blocked");

        Advance(TimeSpan.FromSeconds(1));
        gate.Set();

        ExpectMsg("replaced");
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(10));
        ExpectMsg("new");
    }

    [Fact]
    public void Timers_are_cancelled_on_restart()
    {
        var actor = StartTimed();
        actor.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1), true));
        ExpectMsg("ok");

        actor.Tell(new InvalidOperationException("restart"));
        ExpectMsg("started");
        Advance(TimeSpan.FromSeconds(5));

        ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_on_stop()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = StartTimed();
        actor.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1), true));
        ExpectMsg("ok");
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);
        Advance(TimeSpan.FromSeconds(5));

        ExpectNoMsg();
        deadLetters.ExpectNoMsg();
        Assert.Equal(0, Time.PendingTimers);
    }

    [Fact]
    public void The_scheduler_tells_once_and_repeatedly_on_virtual_time()
    {
        var once = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "once");
        var repeated = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "again");
        var cancelled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "never");
        cancelled.Cancel();

        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("once");
        ExpectMsg("again");
        Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("again");
        repeated.Cancel();
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
        Assert.True(cancelled.IsCancellationRequested);
        Assert.True(once.IsCancellationRequested);
    }

    private sealed record Start(string Key, string Message, TimeSpan Delay, bool Periodic);

    private sealed class Timed : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Timed(IActorRef probe, ManualResetEventSlim? gate)
        {
            _probe = probe;
            Receive<Start>(s =>
            {
                if (s.Periodic)
                {
                    Timers.StartPeriodicTimer(s.Key, s.Message, s.Delay);
                }
                else
                {
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                }

                probe.Tell("ok");
            });
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("k")));
            Receive<string>(s => s == "cancel", _ =>
            {
                Timers.Cancel("p");
                Sender.Tell("cancelled");
            });
            Receive<string>(s => s == "block-then-replace", _ =>
            {
                probe.Tell("blocked");
                gate!.Wait(TimeSpan.FromSeconds(10));
                Timers.StartSingleTimer("k", "new", TimeSpan.FromSeconds(10));
                probe.Tell("replaced");
            });
            Receive<string>(s => probe.Tell(s));
            Receive<Exception>(e => throw e);
        }

        protected override void PreStart() => _probe.Tell("started");
    }
}
