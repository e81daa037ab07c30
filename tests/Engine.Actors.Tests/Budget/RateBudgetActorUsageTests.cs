using Engine.Actors.Budget;
using Engine.Messages.Identifiers;
using Engine.TestKit;

namespace Engine.Actors.Tests.Budget;

/// <summary>
/// The budget actor samples its windows' use for the metrics on virtual time: one sample an interval after requests
/// were counted (not one per request), more while a window is in use, a last one reading zero, then silence.
/// </summary>
public sealed class RateBudgetActorUsageTests : EngineTestKit
{
    private static readonly LoginId Demo = new("demo");

    [Fact]
    public void Use_is_sampled_once_per_interval_while_a_window_is_in_use_and_a_quiet_budget_ends_at_zero()
    {
        // The windows are fixed intervals on the clock: start at the beginning of one, so the counts are known.
        var period = TimeSpan.FromSeconds(2);
        Advance(TimeSpan.FromTicks(period.Ticks - (UtcNow.UtcTicks % period.Ticks)));
        var samples = CreateTestProbe();
        Sys.EventStream.Subscribe(samples.Ref, typeof(BudgetUsageSampled));
        var budget = Sys.ActorOf(RateBudgetActor.Props(Demo, [new RateWindowSpec("REQUESTS", RateUnit.Requests, 20, period)]));

        for (var i = 0; i < 3; i++)
        {
            budget.Tell(new RateBudgetActor.Acquire(i, RateCost.Request(), RequestPriority.Order), TestActor);
            ExpectMsg<RateBudgetActor.Granted>();
        }

        samples.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Advance(RateBudgetActor.UsageSampleInterval);
        var first = samples.ExpectMsg<BudgetUsageSampled>();
        Assert.Equal((Demo, new BudgetWindowUsage("REQUESTS", 3, 20)), (first.Login, Assert.Single(first.Windows)));
        samples.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Advance(RateBudgetActor.UsageSampleInterval);
        Assert.Equal(0, Assert.Single(samples.ExpectMsg<BudgetUsageSampled>().Windows).Used);
        Advance(RateBudgetActor.UsageSampleInterval * 3);
        samples.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
