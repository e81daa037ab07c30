namespace Engine.Simulator.Matching;

/// <summary>
/// Snapshot of a futures position. Long and short legs are kept apart (hedge mode); in net mode at most one
/// leg is non-zero. Quantities are never negative. Unrealised PnL is valued at <see cref="MarkPrice"/>.
/// </summary>
public sealed record PositionView
{
    /// <summary>Owning account.</summary>
    public required string AccountId { get; init; }

    /// <summary>Contract symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>Long contracts held.</summary>
    public decimal LongQuantity { get; init; }

    /// <summary>Long contracts not already reserved by close orders.</summary>
    public decimal LongAvailable { get; init; }

    /// <summary>Average entry of the long leg, 0 when flat.</summary>
    public decimal LongAveragePrice { get; init; }

    /// <summary>Margin held by the long leg.</summary>
    public decimal LongMargin { get; init; }

    /// <summary>Short contracts held.</summary>
    public decimal ShortQuantity { get; init; }

    /// <summary>Short contracts not already reserved by close orders.</summary>
    public decimal ShortAvailable { get; init; }

    /// <summary>Average entry of the short leg, 0 when flat.</summary>
    public decimal ShortAveragePrice { get; init; }

    /// <summary>Margin held by the short leg.</summary>
    public decimal ShortMargin { get; init; }

    /// <summary>Leverage of both legs.</summary>
    public decimal Leverage { get; init; }

    /// <summary>Mark price used for the PnL fields; 0 when no mark was known.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Unrealised PnL of the long leg at the mark, in the settle asset.</summary>
    public decimal LongUnrealisedPnl { get; init; }

    /// <summary>Unrealised PnL of the short leg at the mark, in the settle asset.</summary>
    public decimal ShortUnrealisedPnl { get; init; }

    /// <summary>PnL realised by closes so far, in the settle asset, before fees.</summary>
    public decimal RealisedPnl { get; init; }

    /// <summary>Time of the last change, null if never traded.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>True when both legs are flat.</summary>
    public bool IsFlat => LongQuantity == 0m && ShortQuantity == 0m;
}
