using Engine.Actors.Budget;

namespace Engine.Actors.Tests.Budget;

public class RateBudgetTests
{
    // Aligned to a 1-day boundary so every window starts here.
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static RateBudget<string> Binance() => new(
    [
        RateWindowSpec.BinanceRequestWeight,
        RateWindowSpec.BinanceOrdersPer10Seconds,
        RateWindowSpec.BinanceOrdersPerDay,
    ]);

    [Theory]
    // orders already placed, weight of the new request, is it an order, expected grant, expected blocker
    [InlineData(0, 1, true, true, null)]
    [InlineData(49, 1, true, true, null)]
    [InlineData(50, 1, true, false, "ORDERS 50/10s")]
    [InlineData(50, 1, false, true, null)]
    [InlineData(50, 5950, false, true, null)]
    [InlineData(50, 5951, false, false, "REQUEST_WEIGHT 6000/1min")]
    public void Windows_count_their_own_unit(int ordersBefore, int weight, bool isOrder, bool granted, string? blocker)
    {
        var budget = Binance();
        for (var i = 0; i < ordersBefore; i++)
        {
            Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Granted);
        }

        var d = budget.TryAcquire(new RateCost(weight, isOrder), RequestPriority.Query, T0.AddSeconds(1));
        Assert.Equal(granted, d.Granted);
        Assert.Equal(blocker, d.Blocker);
    }

    [Fact]
    public void Full_window_gives_its_reset_time_and_refills_after_it()
    {
        var budget = new RateBudget<string>([new RateWindowSpec("REQUESTS", RateUnit.Requests, 2, TimeSpan.FromSeconds(10))]);
        budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0.AddSeconds(3));
        budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0.AddSeconds(4));

        var refused = budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0.AddSeconds(5));
        Assert.False(refused.Granted);
        Assert.Equal(T0.AddSeconds(10), refused.RetryAt);
        Assert.True(budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0.AddSeconds(10)).Granted);
    }

    [Fact]
    public void Queue_releases_cancels_before_orders_before_queries_and_fifo_within_priority()
    {
        var budget = new RateBudget<string>([new RateWindowSpec("REQUESTS", RateUnit.Requests, 1, TimeSpan.FromSeconds(1))]);
        Assert.True(budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0).Granted);

        budget.Enqueue("query", RateCost.Request(), RequestPriority.Query);
        budget.Enqueue("order-1", RateCost.Order(), RequestPriority.Order);
        budget.Enqueue("order-2", RateCost.Order(), RequestPriority.Order);
        budget.Enqueue("cancel", RateCost.Request(), RequestPriority.Cancel);

        Assert.Empty(budget.DequeueReady(T0.AddMilliseconds(500)));
        Assert.Equal(T0.AddSeconds(1), budget.NextReadyAt(T0.AddMilliseconds(500)));

        var order = new List<string>();
        for (var s = 1; s <= 4; s++)
        {
            order.AddRange(budget.DequeueReady(T0.AddSeconds(s)));
        }

        Assert.Equal(["cancel", "order-1", "order-2", "query"], order);
        Assert.Equal(0, budget.QueuedCount);
        Assert.Null(budget.NextReadyAt(T0.AddSeconds(5)));
    }

    [Fact]
    public void Nothing_overtakes_the_queue_of_its_own_or_higher_priority()
    {
        var budget = new RateBudget<string>([new RateWindowSpec("REQUESTS", RateUnit.Requests, 10, TimeSpan.FromSeconds(1))]);
        budget.Enqueue("order", RateCost.Order(), RequestPriority.Order);

        Assert.Equal("queue", budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Blocker);
        Assert.Equal("queue", budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0).Blocker);
        Assert.True(budget.TryAcquire(RateCost.Request(), RequestPriority.Cancel, T0).Granted);
    }

    [Fact]
    public void Server_count_raises_the_local_count_but_never_lowers_it()
    {
        var budget = Binance();
        budget.SyncFromServer("REQUEST_WEIGHT", 5999, T0);
        Assert.False(budget.TryAcquire(RateCost.Request(2), RequestPriority.Query, T0).Granted);
        Assert.True(budget.TryAcquire(RateCost.Request(1), RequestPriority.Query, T0).Granted);

        budget.SyncFromServer("REQUEST_WEIGHT", 10, T0);
        Assert.Equal(6000, budget.Usage(T0).Single(u => u.Window.Name == "REQUEST_WEIGHT").Used);
    }

    [Fact]
    public void Sync_with_a_period_touches_only_that_window()
    {
        var budget = Binance();
        budget.SyncFromServer("ORDERS", 50, T0, TimeSpan.FromSeconds(10));

        var usage = budget.Usage(T0);
        Assert.Equal(50, usage.Single(u => u.Window.Period == TimeSpan.FromSeconds(10)).Used);
        Assert.Equal(0, usage.Single(u => u.Window.Period == TimeSpan.FromDays(1)).Used);
    }

    [Theory]
    [InlineData(false, "paused (429)")]
    [InlineData(true, "banned (418)")]
    public void Pause_and_ban_block_everything_until_their_end(bool ban, string blocker)
    {
        var budget = Binance();
        var until = T0.AddSeconds(30);
        if (ban)
        {
            budget.BanUntil(until);
        }
        else
        {
            budget.PauseUntil(until);
        }

        var d = budget.TryAcquire(RateCost.Request(), RequestPriority.Cancel, T0.AddSeconds(29));
        Assert.Equal((false, blocker, until), (d.Granted, d.Blocker, d.RetryAt));
        Assert.Equal(ban, budget.IsBanned(T0.AddSeconds(29)));
        Assert.True(budget.TryAcquire(RateCost.Request(), RequestPriority.Cancel, until).Granted);
        Assert.Null(budget.BannedUntil(until));
    }

    [Fact]
    public void Earlier_pause_does_not_shorten_a_later_one()
    {
        var budget = Binance();
        budget.PauseUntil(T0.AddSeconds(30));
        budget.PauseUntil(T0.AddSeconds(10));
        Assert.False(budget.TryAcquire(RateCost.Request(), RequestPriority.Query, T0.AddSeconds(20)).Granted);
    }

    [Fact]
    public void Cost_larger_than_a_whole_window_is_refused_at_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Binance().TryAcquire(RateCost.Request(6001), RequestPriority.Query, T0));
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("W", 0, 1)]
    [InlineData("W", 1, 0)]
    public void Invalid_window_is_refused(string name, int limit, int seconds)
    {
        Assert.Throws<ArgumentException>(() => new RateBudget<string>([new RateWindowSpec(name, RateUnit.Requests, limit, TimeSpan.FromSeconds(seconds))]));
    }

    [Fact]
    public void No_windows_means_unlimited()
    {
        var budget = new RateBudget<string>([]);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(budget.TryAcquire(RateCost.Order(), RequestPriority.Order, T0).Granted);
        }
    }

    [Theory]
    [InlineData(10, "ORDERS 50/10s")]
    [InlineData(60, "ORDERS 50/1min")]
    [InlineData(86400, "ORDERS 50/1d")]
    [InlineData(1.5, "ORDERS 50/1.5s")]
    public void Window_prints_for_people(double seconds, string text)
    {
        Assert.Equal(text, new RateWindowSpec("ORDERS", RateUnit.Orders, 50, TimeSpan.FromSeconds(seconds)).ToString());
    }
}
