using System.Collections.Immutable;
using Engine.Actors.Budget;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// What one response tells the budget and the clock: the server's window counts (<c>rateLimits</c>), a pause
/// (429), a ban (418) and whether the time offset must be re-estimated (-1021). Immutable.
/// </summary>
public sealed record BinanceServerFeedback(
    ImmutableArray<W.RateLimit> RateLimits,
    DateTimeOffset? PauseUntil,
    DateTimeOffset? BannedUntil,
    bool ResyncTime)
{
    /// <summary>Nothing to apply.</summary>
    public static readonly BinanceServerFeedback None = new([], null, null, false);

    /// <summary>
    /// Re-syncs every reported window of <paramref name="budget"/> to the server's count (raised, never
    /// lowered, by <see cref="RateBudget{T}.SyncFromServer"/>), then applies the pause and the ban.
    /// </summary>
    public void ApplyTo<T>(RateBudget<T> budget, DateTimeOffset now)
    {
        foreach (var limit in RateLimits)
        {
            if (limit.Count is { } count && limit.Period is { } period)
            {
                budget.SyncFromServer(limit.RateLimitType, count, now, period);
            }
        }

        if (PauseUntil is { } pause)
        {
            budget.PauseUntil(pause);
        }

        if (BannedUntil is { } ban)
        {
            budget.BanUntil(ban);
        }
    }
}
