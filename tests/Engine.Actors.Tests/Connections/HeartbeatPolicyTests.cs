using Engine.Actors.Connections.Policies;

namespace Engine.Actors.Tests.Connections;

public class HeartbeatPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    // seconds since connect with no traffic at all -> action
    [InlineData(0, HeartbeatAction.Nothing, 5)]
    [InlineData(4.9, HeartbeatAction.Nothing, 5)]
    [InlineData(5, HeartbeatAction.SendPing, 10)]
    [InlineData(14.9, HeartbeatAction.SendPing, 15)]
    [InlineData(15, HeartbeatAction.Dead, 15)]
    public void Silent_connection(double seconds, HeartbeatAction action, double nextDue)
    {
        var policy = new HeartbeatPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), T0);
        var d = policy.Evaluate(T0.AddSeconds(seconds));
        Assert.Equal(action, d.Action);
        Assert.Equal(T0.AddSeconds(nextDue), d.NextDueAt);
    }

    [Fact]
    public void Received_frames_keep_the_connection_alive()
    {
        var policy = new HeartbeatPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), T0);
        for (var s = 5; s <= 60; s += 5)
        {
            var now = T0.AddSeconds(s);
            Assert.Equal(HeartbeatAction.SendPing, policy.Evaluate(now).Action);
            policy.OnSent(now, isPing: true);
            policy.OnFrameReceived(now);
            Assert.Equal(HeartbeatAction.Nothing, policy.Evaluate(now).Action);
        }
    }

    [Fact]
    public void Other_traffic_does_not_replace_the_ping_when_pings_are_mandatory()
    {
        var policy = new HeartbeatPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), T0, pingRegardlessOfTraffic: true);
        policy.OnSent(T0.AddSeconds(4));
        Assert.Equal(HeartbeatAction.SendPing, policy.Evaluate(T0.AddSeconds(5)).Action);
    }

    [Fact]
    public void Other_traffic_replaces_the_ping_when_allowed()
    {
        var policy = new HeartbeatPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), T0, pingRegardlessOfTraffic: false);
        policy.OnSent(T0.AddSeconds(4));
        var d = policy.Evaluate(T0.AddSeconds(5));
        Assert.Equal(HeartbeatAction.Nothing, d.Action);
        Assert.Equal(T0.AddSeconds(9), d.NextDueAt);
    }

    [Fact]
    public void Reset_restarts_the_clocks()
    {
        var policy = new HeartbeatPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), T0);
        Assert.Equal(HeartbeatAction.Dead, policy.Evaluate(T0.AddSeconds(20)).Action);
        policy.Reset(T0.AddSeconds(20));
        Assert.Equal(HeartbeatAction.Nothing, policy.Evaluate(T0.AddSeconds(21)).Action);
    }

    [Fact]
    public void Out_of_order_timestamps_never_move_a_clock_back()
    {
        var policy = new HeartbeatPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), T0);
        policy.OnFrameReceived(T0.AddSeconds(10));
        policy.OnFrameReceived(T0.AddSeconds(1));
        Assert.NotEqual(HeartbeatAction.Dead, policy.Evaluate(T0.AddSeconds(20)).Action);
    }

    [Fact]
    public void Non_positive_durations_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeartbeatPolicy(TimeSpan.Zero, TimeSpan.FromSeconds(1), T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeartbeatPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-1), T0));
    }
}
