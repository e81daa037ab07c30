using Engine.Simulator.Faults;

namespace Engine.Simulator.Tests.Faults;

/// <summary>Fault rules with a probability: seeded, reproducible, and a miss consumes nothing.</summary>
public class FaultPlanProbabilityTests
{
    private static List<bool> Draws(FaultPlan plan, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => plan.TryTake(FaultKind.DropReply, "place_order") is not null)];

    [Fact]
    public void The_same_seed_fires_on_the_same_requests()
    {
        var rule = new FaultRule { Kind = FaultKind.DropReply, Op = "place_order", Count = 0, Probability = 0.2, Seed = 42 };

        var first = Draws(new FaultPlan([rule]), 1_000);
        var second = Draws(new FaultPlan([rule]), 1_000);
        var otherSeed = Draws(new FaultPlan([rule with { Seed = 43 }]), 1_000);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
        Assert.InRange(first.Count(hit => hit), 150, 250);
    }

    [Fact]
    public void Probability_zero_never_fires_and_one_always_does()
    {
        Assert.DoesNotContain(true, Draws(new FaultPlan([new FaultRule { Kind = FaultKind.DropReply, Count = 0, Probability = 0 }]), 100));
        Assert.DoesNotContain(false, Draws(new FaultPlan([new FaultRule { Kind = FaultKind.DropReply, Count = 0 }]), 100));
    }

    [Fact]
    public void A_miss_consumes_nothing_from_the_count()
    {
        var plan = new FaultPlan([new FaultRule { Kind = FaultKind.DropReply, Count = 3, Probability = 0.1, Seed = 1 }]);

        var hits = Draws(plan, 500).Count(hit => hit);

        Assert.Equal(3, hits);
        Assert.Empty(plan.Active);
    }

    [Fact]
    public void A_rule_that_misses_lets_the_next_matching_rule_fire()
    {
        var plan = new FaultPlan(
        [
            new FaultRule { Kind = FaultKind.DropReply, Count = 0, Probability = 0, Message = "never" },
            new FaultRule { Kind = FaultKind.DropReply, Count = 0, Message = "always" },
        ]);

        Assert.Equal("always", plan.TryTake(FaultKind.DropReply, "place_order")?.Message);
    }
}
