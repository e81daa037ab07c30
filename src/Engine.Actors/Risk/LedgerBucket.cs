namespace Engine.Actors.Risk;

/// <summary>
/// Fills of one (login, strategy, symbol): the net position, and the cash and quantity traded since the UTC day
/// began with the position and mark carried into the day. Mutable; owned by <see cref="RiskLedger"/>.
/// </summary>
internal sealed class LedgerBucket
{
    public decimal Position { get; set; }

    public decimal DayCash { get; set; }

    public decimal DayNet { get; set; }

    public decimal DayOpenPosition { get; set; }

    public decimal? DayOpenMark { get; set; }

    /// <summary>
    /// Profit of the day at <paramref name="mark"/>: cash of the day's trades, plus what they left open at the mark, plus
    /// the move of the carried position since the day's first mark. Without a mark, only the cash counts.
    /// </summary>
    public decimal DailyPnl(decimal? mark) => mark is not { } m
        ? DayCash
        : DayCash + (DayNet * m) + (DayOpenMark is { } open ? DayOpenPosition * (m - open) : 0m);
}
