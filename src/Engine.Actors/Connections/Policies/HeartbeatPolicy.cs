namespace Engine.Actors.Connections.Policies;

/// <summary>
/// A connection's keep-alive rule: ping every <see cref="PingInterval"/> and declare the connection dead
/// when nothing arrived for <see cref="IdleTimeout"/>. With <see cref="PingRegardlessOfTraffic"/> (the
/// quant gateway: only pings with <c>ts</c> keep the socket alive) the interval counts from the last ping;
/// otherwise from the last frame sent of any kind. Pure: the caller passes <c>now</c>. Not thread-safe.
/// </summary>
public sealed class HeartbeatPolicy
{
    private DateTimeOffset _lastReceived;
    private DateTimeOffset _lastSent;
    private DateTimeOffset _lastPing;

    /// <summary>Starts the clocks at <paramref name="connectedAt"/>; throws <see cref="ArgumentOutOfRangeException"/> for non-positive durations.</summary>
    public HeartbeatPolicy(TimeSpan pingInterval, TimeSpan idleTimeout, DateTimeOffset connectedAt, bool pingRegardlessOfTraffic = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pingInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        PingInterval = pingInterval;
        IdleTimeout = idleTimeout;
        PingRegardlessOfTraffic = pingRegardlessOfTraffic;
        Reset(connectedAt);
    }

    /// <summary>Time between pings.</summary>
    public TimeSpan PingInterval { get; }

    /// <summary>Silence after which the connection is dead.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>True when pings are due by the clock even if other frames were sent.</summary>
    public bool PingRegardlessOfTraffic { get; }

    /// <summary>Restarts every clock (after a reconnect).</summary>
    public void Reset(DateTimeOffset connectedAt)
    {
        _lastReceived = connectedAt;
        _lastSent = connectedAt;
        _lastPing = connectedAt;
    }

    /// <summary>Any valid frame arrived (a pong, a reply, a notification).</summary>
    public void OnFrameReceived(DateTimeOffset now) => _lastReceived = Max(_lastReceived, now);

    /// <summary>A frame was sent; <paramref name="isPing"/> when it was the heartbeat ping.</summary>
    public void OnSent(DateTimeOffset now, bool isPing = false)
    {
        _lastSent = Max(_lastSent, now);
        if (isPing)
        {
            _lastPing = Max(_lastPing, now);
        }
    }

    /// <summary>What is due at <paramref name="now"/>; Dead wins over SendPing. Changes nothing.</summary>
    public HeartbeatDecision Evaluate(DateTimeOffset now)
    {
        var deadAt = _lastReceived + IdleTimeout;
        var pingAt = (PingRegardlessOfTraffic ? _lastPing : _lastSent) + PingInterval;
        if (now >= deadAt)
        {
            return new HeartbeatDecision(HeartbeatAction.Dead, deadAt);
        }

        if (now >= pingAt)
        {
            return new HeartbeatDecision(HeartbeatAction.SendPing, Min(deadAt, now + PingInterval));
        }

        return new HeartbeatDecision(HeartbeatAction.Nothing, Min(deadAt, pingAt));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
