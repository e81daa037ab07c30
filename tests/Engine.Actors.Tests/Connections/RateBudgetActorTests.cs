using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.TestKit;

namespace Engine.Actors.Tests.Connections;

public sealed class RateBudgetActorTests : EngineTestKit
{
    private static readonly LoginId Login = new("qg-1");

    private IActorRef Budget(int perSecond) =>
        Sys.ActorOf(RateBudgetActor.Props(Login, [new RateWindowSpec("REQUESTS", RateUnit.Requests, perSecond, TimeSpan.FromSeconds(1))]));

    /// <summary>Returns once <paramref name="actor"/> has handled every message the test sent it before (Identify is answered in mailbox order), so its timers are armed before virtual time moves.</summary>
    private void Settle(IActorRef actor)
    {
        var probe = CreateTestProbe();
        probe.Send(actor, new Identify("settled"));
        probe.ExpectMsg<ActorIdentity>();
    }

    private static RateBudgetActor.Acquire Acquire(string name, RequestPriority priority) =>
        new(name, priority == RequestPriority.Order ? RateCost.Order() : RateCost.Request(), priority);

    [Fact]
    public void Without_windows_everything_is_granted_at_once()
    {
        var budget = Sys.ActorOf(RateBudgetActor.Props(Login, []));
        for (var i = 0; i < 50; i++)
        {
            budget.Tell(Acquire($"q{i}", RequestPriority.Query), TestActor);
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"q{i}", ExpectMsg<RateBudgetActor.Granted>().Request);
        }
    }

    [Fact]
    public void A_full_window_queues_instead_of_dropping_and_releases_cancels_then_orders_then_queries()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(RequestBudgetExhausted));
        var budget = Budget(perSecond: 2);
        Advance(TimeSpan.FromSeconds(1));

        budget.Tell(Acquire("q1", RequestPriority.Query), TestActor);
        budget.Tell(Acquire("q2", RequestPriority.Query), TestActor);
        Assert.Equal("q1", ExpectMsg<RateBudgetActor.Granted>().Request);
        Assert.Equal("q2", ExpectMsg<RateBudgetActor.Granted>().Request);

        budget.Tell(Acquire("q3", RequestPriority.Query), TestActor);
        budget.Tell(Acquire("o1", RequestPriority.Order), TestActor);
        budget.Tell(Acquire("c1", RequestPriority.Cancel), TestActor);
        var exhausted = events.ExpectMsg<RequestBudgetExhausted>();
        Assert.Equal(Login, exhausted.Login);
        Assert.Equal("REQUESTS 2/1s", exhausted.Window);
        Assert.Equal(1, exhausted.Queued);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Settle(budget);

        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("c1", ExpectMsg<RateBudgetActor.Granted>().Request);
        Assert.Equal("o1", ExpectMsg<RateBudgetActor.Granted>().Request);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Settle(budget);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("q3", ExpectMsg<RateBudgetActor.Granted>().Request);

        events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Clear_hands_back_the_queued_requests_and_they_are_never_granted()
    {
        var budget = Budget(perSecond: 1);
        Advance(TimeSpan.FromSeconds(1));
        budget.Tell(Acquire("first", RequestPriority.Order), TestActor);
        Assert.Equal("first", ExpectMsg<RateBudgetActor.Granted>().Request);
        budget.Tell(Acquire("a", RequestPriority.Order), TestActor);
        budget.Tell(Acquire("b", RequestPriority.Query), TestActor);
        budget.Tell(RateBudgetActor.Clear.Instance, TestActor);

        var cleared = ExpectMsg<RateBudgetActor.Cleared>();
        Assert.Equal(["a", "b"], cleared.Requests.Cast<string>().Order());
        Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Venue_feedback_pauses_sending_and_resyncs_the_window()
    {
        var budget = Budget(perSecond: 5);
        Advance(TimeSpan.FromSeconds(1));
        budget.Tell(new RateBudgetActor.PauseUntil(UtcNow + TimeSpan.FromSeconds(3)));
        budget.Tell(Acquire("paused", RequestPriority.Query), TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Settle(budget);
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("paused", ExpectMsg<RateBudgetActor.Granted>().Request);

        budget.Tell(new RateBudgetActor.SyncWindow("REQUESTS", 5));
        budget.Tell(Acquire("after-sync", RequestPriority.Query), TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Settle(budget);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("after-sync", ExpectMsg<RateBudgetActor.Granted>().Request);
    }
}
