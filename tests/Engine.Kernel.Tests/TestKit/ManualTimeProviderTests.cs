using Engine.TestKit;

namespace Engine.Kernel.Tests.TestKit;

public class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timers_fire_in_due_order_with_the_clock_at_their_due_time()
    {
        var time = new ManualTimeProvider(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var b = time.CreateTimer(_ => fired.Add(("b", time.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var a = time.CreateTimer(_ => fired.Add(("a", time.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var c = time.CreateTimer(_ => fired.Add(("c", time.GetUtcNow())), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([("a", Start.AddSeconds(1)), ("b", Start.AddSeconds(2))], fired);
        Assert.Equal(Start.AddSeconds(3), time.GetUtcNow());
        Assert.Equal(1, time.PendingTimers);
    }

    [Fact]
    public void Ties_fire_in_creation_order()
    {
        var time = new ManualTimeProvider(Start);
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 5)
            .Select(i => time.CreateTimer(_ => fired.Add(i), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan))
            .ToList();

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([0, 1, 2, 3, 4], fired);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Periodic_timer_fires_once_per_elapsed_period()
    {
        var time = new ManualTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => fired.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5)], fired);
    }

    [Fact]
    public void Change_reschedules_from_now_and_infinite_disarms()
    {
        var time = new ManualTimeProvider(Start);
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, count);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, count);

        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);
    }

    [Fact]
    public void Disposed_timer_never_fires_and_cannot_be_changed()
    {
        var time = new ManualTimeProvider(Start);
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Dispose();

        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, count);
        Assert.Equal(0, time.PendingTimers);
    }

    [Fact]
    public void A_callback_may_create_timers_that_fire_within_the_same_advance()
    {
        var time = new ManualTimeProvider(Start);
        var fired = new List<string>();
        ITimer? inner = null;
        using var outer = time.CreateTimer(
            _ =>
            {
                fired.Add("outer");
                inner = time.CreateTimer(_ => fired.Add("inner"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["outer", "inner"], fired);
        inner?.Dispose();
    }

    [Fact]
    public void Timestamps_follow_virtual_time_and_time_never_goes_back()
    {
        var time = new ManualTimeProvider(Start);
        var t0 = time.GetTimestamp();
        time.SetUtcNow(Start.AddMinutes(1));

        Assert.Equal(TimeSpan.FromMinutes(1), time.GetElapsedTime(t0, time.GetTimestamp()));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Zero_due_time_fires_immediately_on_the_calling_thread()
    {
        var time = new ManualTimeProvider(Start);
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(1, count);
    }
}
