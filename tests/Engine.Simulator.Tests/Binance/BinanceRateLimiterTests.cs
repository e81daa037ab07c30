using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.Binance;

public class BinanceRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 30, TimeSpan.Zero);

    private static BinanceRateLimiter Limiter(int weight = 10, int orders = 3, int perDay = 100) =>
        new(new BinanceRateLimitOptions { WeightPerMinute = weight, OrdersPerTenSeconds = orders, OrdersPerDay = perDay, ConnectionsPerFiveMinutes = 2 }, TimeSpan.FromMinutes(2));

    [Fact]
    public void Weight_window_is_aligned_to_the_minute_and_a_429_carries_its_end()
    {
        var limiter = Limiter();
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeWeight("ip", 10, T0).Verdict);
        var refused = limiter.ChargeWeight("ip", 1, T0);
        Assert.Equal(RateVerdict.TooMany, refused.Verdict);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 12, 1, 0, TimeSpan.Zero), refused.Until);
        Assert.Equal(10, limiter.Usage("ip", null, T0).Single().Count);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeWeight("ip", 10, T0.AddSeconds(30)).Verdict);
        Assert.Equal(10, limiter.Usage("ip", null, T0.AddSeconds(30)).Single().Count);
    }

    [Fact]
    public void Sending_again_before_retry_after_bans_the_ip_and_the_ban_ends()
    {
        var limiter = Limiter(weight: 1);
        limiter.ChargeWeight("ip", 1, T0);
        Assert.Equal(RateVerdict.TooMany, limiter.ChargeWeight("ip", 1, T0).Verdict);
        var ban = limiter.ChargeWeight("ip", 1, T0.AddSeconds(1));
        Assert.Equal(RateVerdict.Banned, ban.Verdict);
        Assert.True(ban.NewBan);
        Assert.Equal(T0.AddSeconds(1).AddMinutes(2), ban.Until);
        var again = limiter.ChargeWeight("ip", 1, T0.AddSeconds(2));
        Assert.Equal(RateVerdict.Banned, again.Verdict);
        Assert.False(again.NewBan);
        Assert.False(limiter.ChargeConnection("ip", T0.AddSeconds(2)));
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeWeight("ip", 1, ban.Until).Verdict);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeWeight("other", 1, T0.AddSeconds(2)).Verdict);
    }

    [Fact]
    public void Waiting_for_retry_after_avoids_the_ban()
    {
        var limiter = Limiter(weight: 1);
        limiter.ChargeWeight("ip", 1, T0);
        var refused = limiter.ChargeWeight("ip", 1, T0);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeWeight("ip", 1, refused.Until).Verdict);
    }

    [Fact]
    public void Orders_count_per_account_in_ten_second_and_day_windows()
    {
        var limiter = Limiter(orders: 2, perDay: 3);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeOrder("ip", "a", T0).Verdict);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeOrder("ip", "a", T0).Verdict);
        var refused = limiter.ChargeOrder("ip", "a", T0.AddSeconds(9));
        Assert.Equal(RateVerdict.TooMany, refused.Verdict);
        Assert.Equal(T0.AddSeconds(10), refused.Until);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeOrder("ip", "b", T0).Verdict);
        Assert.Equal(RateVerdict.Allowed, limiter.ChargeOrder("ip", "a", T0.AddSeconds(10)).Verdict);
        var daily = limiter.ChargeOrder("ip", "a", T0.AddSeconds(20));
        Assert.Equal(RateVerdict.TooMany, daily.Verdict);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero), daily.Until);
        var usage = limiter.Usage("ip", "a", T0.AddSeconds(20));
        Assert.Equal(["ORDERS/SECOND/10=0", "ORDERS/DAY/1=3", "REQUEST_WEIGHT/MINUTE/1=0"], usage.Select(u => $"{u.Type}/{u.Interval}/{u.IntervalNum}={u.Count}"));
    }

    [Fact]
    public void Connections_are_limited_and_cost_weight()
    {
        var limiter = Limiter();
        Assert.True(limiter.ChargeConnection("ip", T0));
        Assert.True(limiter.ChargeConnection("ip", T0));
        Assert.False(limiter.ChargeConnection("ip", T0));
        Assert.Equal(4, limiter.Usage("ip", null, T0).Single().Count);
        Assert.True(limiter.ChargeConnection("ip", new DateTimeOffset(2026, 1, 5, 12, 5, 0, TimeSpan.Zero)));
    }
}
