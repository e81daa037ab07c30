using Engine.Actors.Budget;

namespace Engine.Actors.Tests.Budget;

/// <summary><see cref="RateBudget{T}.ReplaceWindows"/>: the limits a venue publishes replace the configured ones.</summary>
public class RateBudgetLimitsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static RateWindowSpec Orders(int limit, int seconds) => new("ORDERS", RateUnit.Orders, limit, TimeSpan.FromSeconds(seconds));

    private static RateWindowSpec Weight(int limit) => new("REQUEST_WEIGHT", RateUnit.Weight, limit, TimeSpan.FromMinutes(1));

    [Fact]
    public void A_lower_limit_applies_at_once_and_keeps_the_count_of_the_same_window()
    {
        var budget = new RateBudget<string>([Weight(3000), Orders(60, 60)]);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0.AddSeconds(i)).Granted);
        }

        budget.ReplaceWindows([Weight(3000), Orders(3, 60)], T0.AddSeconds(5));

        var refused = budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0.AddSeconds(6));
        Assert.False(refused.Granted);
        Assert.Equal("ORDERS 3/1min", refused.Blocker);
        Assert.Equal(T0.AddMinutes(1), refused.RetryAt);
        Assert.Equal([Weight(3000), Orders(3, 60)], budget.Windows);
        Assert.Contains(budget.Usage(T0.AddSeconds(6)), u => u.Window == Weight(3000) && u.Used == 3);
    }

    [Fact]
    public void A_window_with_another_period_starts_empty_and_a_dropped_one_no_longer_counts()
    {
        var budget = new RateBudget<string>([Orders(2, 10)]);
        Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Granted);
        Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Granted);
        Assert.False(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Granted);

        budget.ReplaceWindows([Orders(5, 60)], T0.AddSeconds(1));

        Assert.Equal(0, Assert.Single(budget.Usage(T0.AddSeconds(1))).Used);
        Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0.AddSeconds(1)).Granted);
    }

    [Fact]
    public void A_higher_limit_releases_queued_requests()
    {
        var budget = new RateBudget<string>([Orders(1, 60)]);
        Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Granted);
        budget.Enqueue("queued", RateCost.Order(), RequestPriority.Order);
        Assert.Empty(budget.DequeueReady(T0.AddSeconds(1)));

        budget.ReplaceWindows([Orders(60, 60)], T0.AddSeconds(2));

        Assert.Equal(["queued"], budget.DequeueReady(T0.AddSeconds(2)));
    }

    [Fact]
    public void Limits_a_queued_request_could_never_pass_are_refused_and_change_nothing()
    {
        var budget = new RateBudget<string>([Weight(3000)]);
        budget.PauseUntil(T0.AddMinutes(1));
        budget.Enqueue("heavy", RateCost.Request(50), RequestPriority.Query);

        var e = Assert.Throws<ArgumentException>(() => budget.ReplaceWindows([Weight(10)], T0));
        Assert.Contains("REQUEST_WEIGHT 10/1min", e.Message, StringComparison.Ordinal);
        Assert.Equal([Weight(3000)], budget.Windows);
        Assert.Throws<ArgumentException>(() => budget.ReplaceWindows([Orders(0, 60)], T0));
        Assert.Equal([Weight(3000)], budget.Windows);
    }
}
