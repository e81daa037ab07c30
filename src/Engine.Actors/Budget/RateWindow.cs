namespace Engine.Actors.Budget;

/// <summary>
/// The running count of one <see cref="RateWindowSpec"/> in its current fixed interval. Not thread-safe.
/// </summary>
internal sealed class RateWindow
{
    private long _intervalStartTicks = long.MinValue;

    public RateWindow(RateWindowSpec spec)
    {
        Spec = spec;
    }

    public RateWindowSpec Spec { get; }

    public int Used { get; private set; }

    /// <summary>Start of the interval that contains <paramref name="now"/>.</summary>
    public DateTimeOffset IntervalStart(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % Spec.Period.Ticks), TimeSpan.Zero);
    }

    /// <summary>When the interval containing <paramref name="now"/> ends and the count resets.</summary>
    public DateTimeOffset ResetsAt(DateTimeOffset now) => IntervalStart(now) + Spec.Period;

    public int UsedAt(DateTimeOffset now)
    {
        Roll(now);
        return Used;
    }

    public bool HasRoom(int units, DateTimeOffset now) => units == 0 || UsedAt(now) + units <= Spec.Limit;

    public void Add(int units, DateTimeOffset now)
    {
        Roll(now);
        Used += units;
    }

    /// <summary>Raises the count to the server's; never lowers it, because requests still in flight are not in the server's count yet.</summary>
    public void Sync(int serverCount, DateTimeOffset now)
    {
        Roll(now);
        Used = Math.Max(Used, serverCount);
    }

    private void Roll(DateTimeOffset now)
    {
        var start = IntervalStart(now).UtcTicks;
        if (start != _intervalStartTicks)
        {
            _intervalStartTicks = start;
            Used = 0;
        }
    }
}
