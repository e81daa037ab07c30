namespace Engine.TestKit;

/// <summary>
/// Virtual time for tests. Time moves only through <see cref="Advance"/> or <see cref="SetUtcNow"/>, which fire every
/// timer that falls due on the way, in due-time order (ties in timer creation order), on the calling thread, with the
/// clock set to each timer's due time while its callback runs. A timer created or changed with a due time of zero fires
/// immediately on the calling thread. Periodic timers fire once per elapsed period. Thread-safe; callbacks run outside
/// the internal lock, so they may create, change or dispose timers. For actor tests use <see cref="VirtualClock"/>
/// (through <see cref="EngineTestKit"/>), which moves this clock and Akka's <c>TestScheduler</c> together.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _origin;
    private DateTimeOffset _now;
    private long _created;

    /// <summary>Starts at <paramref name="start"/> (default 2026-01-01T00:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _origin = _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Number of timers not yet fired (one-shot) or disposed.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return (_now - _origin).Ticks;
        }
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing due timers in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        RunUntil(target);
    }

    /// <summary>Moves time forward to <paramref name="value"/> (never backwards), firing due timers in order.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"Time cannot go backwards from {_now:O} to {value:O}.");
            }
        }

        RunUntil(value);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        long order;
        lock (_gate)
        {
            order = ++_created;
        }

        var timer = new ManualTimer(this, callback, state, order);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>(Re)arms a timer; fires it at once if it is due now.</summary>
    internal void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool fireNow;
        lock (_gate)
        {
            _timers.Remove(timer);
            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.Due = _now + dueTime;
            _timers.Add(timer);
            fireNow = dueTime == TimeSpan.Zero;
        }

        if (fireNow)
        {
            RunUntil(GetUtcNow());
        }
    }

    /// <summary>
    /// Moves the clock to <paramref name="value"/> without firing timers; the caller guarantees that no timer falls due
    /// before it (<see cref="NextDue"/>), and fires those due at it with <see cref="SetUtcNow"/> afterwards.
    /// </summary>
    internal void MoveTo(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value > _now)
            {
                _now = value;
            }
        }
    }

    /// <summary>The earliest due time of a pending timer that is not after <paramref name="limit"/>; null when none is.</summary>
    internal DateTimeOffset? NextDue(DateTimeOffset limit)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due <= limit && (next is null || timer.Due < next))
                {
                    next = timer.Due;
                }
            }

            return next;
        }
    }

    internal void Disarm(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Due <= target
                        && (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Order < next.Order)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (next.Due > _now)
                {
                    _now = next.Due;
                }

                if (next.Period is { } period)
                {
                    next.Due += period;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }
}
