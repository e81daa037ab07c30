using Engine.Actors.Venues.Binance;

namespace Engine.Actors.Tests.Venues.Binance;

public class TimeOffsetEstimatorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1656400526000);

    [Theory]
    [InlineData(0, 100, 1656400526050, 0)]
    [InlineData(0, 100, 1656400526550, 500)]
    [InlineData(0, 40, 1656400525020, -1000)]
    public void One_round_trip_assumes_the_server_read_its_clock_half_way(int sentMs, int receivedMs, long serverTime, int offsetMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(offsetMs), TimeOffsetEstimator.Estimate(T0.AddMilliseconds(sentMs), T0.AddMilliseconds(receivedMs), serverTime));
    }

    [Fact]
    public void Offset_is_the_median_of_the_last_samples()
    {
        var estimator = new TimeOffsetEstimator(3);
        Assert.Equal(TimeSpan.Zero, estimator.Offset);

        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() + 100);
        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() + 300);
        Assert.Equal(TimeSpan.FromMilliseconds(200), estimator.Offset);

        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() + 9000);
        Assert.Equal(TimeSpan.FromMilliseconds(300), estimator.Offset);

        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() + 250);
        Assert.Equal(3, estimator.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(300), estimator.Offset);

        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() + 260);
        Assert.Equal(TimeSpan.FromMilliseconds(260), estimator.Offset);
    }

    [Fact]
    public void Clear_forgets_samples_but_keeps_the_offset_until_the_next_one()
    {
        var estimator = new TimeOffsetEstimator(5);
        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() + 700);

        estimator.Clear();

        Assert.Equal((0, TimeSpan.FromMilliseconds(700)), (estimator.Count, estimator.Offset));
        estimator.AddSample(T0, T0, T0.ToUnixTimeMilliseconds() - 50);
        Assert.Equal(TimeSpan.FromMilliseconds(-50), estimator.Offset);
    }

    [Fact]
    public void Capacity_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeOffsetEstimator(0));
    }
}
