using System.Globalization;

namespace Engine.Actors.Budget;

/// <summary>
/// One rate limit: at most <see cref="Limit"/> units per <see cref="Period"/>. Windows are fixed
/// intervals aligned to the Unix epoch (Binance resets REQUEST_WEIGHT at each minute, ORDERS at each
/// 10 s and each UTC day), so the local count matches the venue's after a re-sync.
/// </summary>
/// <param name="Name">The venue's name for the window (<c>REQUEST_WEIGHT</c>, <c>ORDERS</c>).</param>
/// <param name="Unit">What the window counts.</param>
/// <param name="Limit">Units allowed per period; positive.</param>
/// <param name="Period">Length of the window; positive.</param>
public sealed record RateWindowSpec(string Name, RateUnit Unit, int Limit, TimeSpan Period)
{
    /// <summary>Binance's REQUEST_WEIGHT 6000/min.</summary>
    public static RateWindowSpec BinanceRequestWeight => new("REQUEST_WEIGHT", RateUnit.Weight, 6000, TimeSpan.FromMinutes(1));

    /// <summary>Binance's ORDERS 50/10 s.</summary>
    public static RateWindowSpec BinanceOrdersPer10Seconds => new("ORDERS", RateUnit.Orders, 50, TimeSpan.FromSeconds(10));

    /// <summary>Binance's ORDERS 160,000/day.</summary>
    public static RateWindowSpec BinanceOrdersPerDay => new("ORDERS", RateUnit.Orders, 160_000, TimeSpan.FromDays(1));

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("a rate window needs a name", nameof(Name));
        }

        if (Limit <= 0)
        {
            throw new ArgumentException($"rate window {Name}: limit {Limit} must be positive", nameof(Limit));
        }

        if (Period <= TimeSpan.Zero)
        {
            throw new ArgumentException($"rate window {Name}: period {Period} must be positive", nameof(Period));
        }
    }

    /// <summary>For people and events: <c>ORDERS 50/10s</c>.</summary>
    public override string ToString() => $"{Name} {Limit.ToString(CultureInfo.InvariantCulture)}/{PeriodText(Period)}";

    private static string PeriodText(TimeSpan p) =>
        p.TotalDays >= 1 && p.TotalDays % 1 == 0 ? $"{p.TotalDays.ToString(CultureInfo.InvariantCulture)}d"
        : p.TotalHours >= 1 && p.TotalHours % 1 == 0 ? $"{p.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : p.TotalMinutes >= 1 && p.TotalMinutes % 1 == 0 ? $"{p.TotalMinutes.ToString(CultureInfo.InvariantCulture)}min"
        : $"{p.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
