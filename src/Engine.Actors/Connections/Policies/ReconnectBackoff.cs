namespace Engine.Actors.Connections.Policies;

/// <summary>Pure exponential backoff with jitter: the delay before a connection's next reconnect attempt.</summary>
public static class ReconnectBackoff
{
    /// <summary>
    /// <c>min * 2^attempt * (1 + random.NextDouble() * randomFactor)</c>, capped at <paramref name="max"/>
    /// (attempt 0 is the first reconnect). Consumes exactly one draw from <paramref name="random"/> when
    /// <paramref name="randomFactor"/> is positive, none otherwise; the caller holds the lock of a shared
    /// <paramref name="random"/>.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, double randomFactor, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        ArgumentNullException.ThrowIfNull(random);
        var jitter = randomFactor > 0 ? 1.0 + (random.NextDouble() * randomFactor) : 1.0;
        var ticks = min.Ticks * Math.Pow(2, Math.Min(attempt, 62)) * jitter;
        return ticks >= max.Ticks || double.IsInfinity(ticks) ? max : TimeSpan.FromTicks((long)ticks);
    }
}
