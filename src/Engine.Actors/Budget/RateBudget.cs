namespace Engine.Actors.Budget;

/// <summary>
/// A login's request budget: several fixed rate windows, request weights, priorities, and pauses ordered
/// by the venue (429 retry-after, 418 ban). Requests that cannot go at once are queued, never dropped,
/// and leave in priority order (cancel, order, query; first in, first out within a priority); a blocked
/// head blocks the lower priorities too, so nothing overtakes a cancel. Pure: the caller passes
/// <c>now</c>. Not thread-safe: owned by one actor.
/// </summary>
/// <typeparam name="T">The queued request.</typeparam>
public sealed class RateBudget<T>
{
    private RateWindow[] _windows;
    private readonly Queue<(T Request, RateCost Cost)>[] _queues;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;

    /// <summary>Creates a budget; no windows means unlimited. Throws <see cref="ArgumentException"/> for an invalid window.</summary>
    public RateBudget(IEnumerable<RateWindowSpec> windows)
    {
        _windows = [.. windows.Select(w =>
        {
            w.EnsureValid();
            return new RateWindow(w);
        })];
        _queues = [.. Enum.GetValues<RequestPriority>().Select(_ => new Queue<(T, RateCost)>())];
    }

    /// <summary>Requests waiting, all priorities.</summary>
    public int QueuedCount => _queues.Sum(q => q.Count);

    /// <summary>True while a 418 ban is in force; the login should stop and report the ban end.</summary>
    public bool IsBanned(DateTimeOffset now) => now < _bannedUntil;

    /// <summary>End of the current ban, or null when there is none.</summary>
    public DateTimeOffset? BannedUntil(DateTimeOffset now) => IsBanned(now) ? _bannedUntil : null;

    /// <summary>Units used in the current interval of each window, for status lines and tests.</summary>
    public IReadOnlyList<(RateWindowSpec Window, int Used)> Usage(DateTimeOffset now) =>
        [.. _windows.Select(w => (w.Spec, w.UsedAt(now)))];

    /// <summary>
    /// Counts the request and grants it when every window has room, no pause is in force and no request
    /// of the same or a higher priority is queued; otherwise counts nothing and says what blocks it.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a cost no window could ever grant.
    /// </summary>
    public BudgetDecision TryAcquire(RateCost cost, RequestPriority priority, DateTimeOffset now)
    {
        EnsureSatisfiable(cost);
        for (var p = 0; p <= (int)priority; p++)
        {
            if (_queues[p].Count > 0)
            {
                return new BudgetDecision(false, "queue", NextReadyAt(now) ?? now);
            }
        }

        return Acquire(cost, now);
    }

    /// <summary>Queues a request that <see cref="TryAcquire"/> refused (or any request); it leaves through <see cref="DequeueReady"/>.</summary>
    public void Enqueue(T request, RateCost cost, RequestPriority priority)
    {
        EnsureSatisfiable(cost);
        _queues[(int)priority].Enqueue((request, cost));
    }

    /// <summary>Takes, counts and returns every queued request that may go at <paramref name="now"/>, in priority order.</summary>
    public IReadOnlyList<T> DequeueReady(DateTimeOffset now)
    {
        var ready = new List<T>();
        while (Head() is { } queue)
        {
            if (!Acquire(queue.Peek().Cost, now).Granted)
            {
                break;
            }

            ready.Add(queue.Dequeue().Request);
        }

        return ready;
    }

    /// <summary>When the first queued request can go (schedule a timer for it); null when nothing is queued.</summary>
    public DateTimeOffset? NextReadyAt(DateTimeOffset now)
    {
        if (Head() is not { } queue)
        {
            return null;
        }

        var check = Check(queue.Peek().Cost, now);
        return check.Granted ? now : check.RetryAt;
    }

    /// <summary>
    /// Re-syncs a window to the count the venue reported (Binance <c>rateLimits</c>). With a period, only
    /// that window of the name; otherwise every window of the name. The local count is raised, never
    /// lowered, because requests still in flight are not in the server's count yet. Unknown names are ignored.
    /// </summary>
    public void SyncFromServer(string window, int count, DateTimeOffset now, TimeSpan? period = null)
    {
        foreach (var w in _windows)
        {
            if (w.Spec.Name == window && (period is null || w.Spec.Period == period))
            {
                w.Sync(count, now);
            }
        }
    }

    /// <summary>The windows in force.</summary>
    public IReadOnlyList<RateWindowSpec> Windows => [.. _windows.Select(w => w.Spec)];

    /// <summary>
    /// Replaces the windows with the ones the venue now publishes (Toobit <c>exchangeInfo.rateLimits</c>). A window with
    /// the same name, unit and period as one in force keeps its count for the current interval; a new one starts empty;
    /// one not listed any more is dropped. Nothing changes and <see cref="ArgumentException"/> names the problem when a
    /// window is invalid or a queued request would need more than a whole new window.
    /// </summary>
    public void ReplaceWindows(IEnumerable<RateWindowSpec> windows, DateTimeOffset now)
    {
        var specs = windows.ToList();
        specs.ForEach(w => w.EnsureValid());
        foreach (var (_, cost) in _queues.SelectMany(q => q))
        {
            if (specs.FirstOrDefault(w => cost.UnitsOf(w.Unit) > w.Limit) is { } tooSmall)
            {
                throw new ArgumentException($"rate window {tooSmall} is smaller than a queued request of weight {cost.Weight}", nameof(windows));
            }
        }

        _windows = [.. specs.Select(spec =>
        {
            var window = new RateWindow(spec);
            if (_windows.FirstOrDefault(w => w.Spec.Name == spec.Name && w.Spec.Unit == spec.Unit && w.Spec.Period == spec.Period) is { } old)
            {
                window.Sync(old.UsedAt(now), now);
            }

            return window;
        })];
    }

    /// <summary>Stops granting until <paramref name="until"/> (429 with retry-after). A later pause extends, an earlier one does not shorten.</summary>
    public void PauseUntil(DateTimeOffset until) => _pausedUntil = Max(_pausedUntil, until);

    /// <summary>Stops granting until <paramref name="until"/> (418 ban).</summary>
    public void BanUntil(DateTimeOffset until) => _bannedUntil = Max(_bannedUntil, until);

    private Queue<(T Request, RateCost Cost)>? Head() => _queues.FirstOrDefault(q => q.Count > 0);

    private BudgetDecision Acquire(RateCost cost, DateTimeOffset now)
    {
        var check = Check(cost, now);
        if (check.Granted)
        {
            foreach (var w in _windows)
            {
                w.Add(cost.UnitsOf(w.Spec.Unit), now);
            }
        }

        return check;
    }

    private BudgetDecision Check(RateCost cost, DateTimeOffset now)
    {
        if (now < _bannedUntil)
        {
            return new BudgetDecision(false, "banned (418)", _bannedUntil);
        }

        if (now < _pausedUntil)
        {
            return new BudgetDecision(false, "paused (429)", _pausedUntil);
        }

        string? blocker = null;
        var retryAt = now;
        foreach (var w in _windows)
        {
            if (!w.HasRoom(cost.UnitsOf(w.Spec.Unit), now))
            {
                blocker ??= w.Spec.ToString();
                retryAt = Max(retryAt, w.ResetsAt(now));
            }
        }

        return new BudgetDecision(blocker is null, blocker, retryAt);
    }

    private void EnsureSatisfiable(RateCost cost)
    {
        if (cost.Weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "a request weight cannot be negative");
        }

        foreach (var w in _windows)
        {
            if (cost.UnitsOf(w.Spec.Unit) > w.Spec.Limit)
            {
                throw new ArgumentOutOfRangeException(nameof(cost), cost, $"the request needs more than the whole window {w.Spec}");
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
