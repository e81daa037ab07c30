namespace Engine.Simulator.Matching;

/// <summary>
/// Trading rules of one symbol. Spot symbols settle in <see cref="BaseAsset"/> and <see cref="QuoteAsset"/>;
/// futures symbols settle margin, fees and PnL in <see cref="SettleAsset"/>. Inverse contracts
/// (coin-margined) value one contract at <see cref="ContractSize"/> quote units, so their notional in the
/// settle asset is <c>quantity * ContractSize / price</c>; linear ones use <c>quantity * ContractSize * price</c>.
/// A zero tick or limit means "no rule".
/// </summary>
public sealed record SymbolRules
{
    /// <summary>Symbol as the venue spells it (case-sensitive).</summary>
    public required string Symbol { get; init; }

    /// <summary>Base asset (spot) or underlying coin (futures).</summary>
    public required string BaseAsset { get; init; }

    /// <summary>Quote asset; prices are in this asset.</summary>
    public required string QuoteAsset { get; init; }

    /// <summary>Smallest price increment.</summary>
    public decimal PriceTick { get; init; }

    /// <summary>Smallest quantity increment.</summary>
    public decimal SizeTick { get; init; }

    /// <summary>Smallest accepted quantity.</summary>
    public decimal MinSize { get; init; }

    /// <summary>Smallest accepted price times quantity (spot) or contract value (futures).</summary>
    public decimal MinNotional { get; init; }

    /// <summary>True for a futures contract (margin and positions), false for spot (balances and locks).</summary>
    public bool IsFutures { get; init; }

    /// <summary>True for an inverse (coin-margined) contract.</summary>
    public bool IsInverse { get; init; }

    /// <summary>Quote value (inverse) or base quantity (linear) of one contract.</summary>
    public decimal ContractSize { get; init; } = 1m;

    /// <summary>Leverage applied to futures margin.</summary>
    public decimal Leverage { get; init; } = 10m;

    /// <summary>Asset holding futures margin; defaults to the base (inverse) or quote (linear) asset.</summary>
    public string? SettlementAsset { get; init; }

    /// <summary>Resolved settle asset of a futures symbol.</summary>
    public string SettleAsset => SettlementAsset ?? (IsInverse ? BaseAsset : QuoteAsset);

    /// <summary>Value of <paramref name="quantity"/> at <paramref name="price"/> in the settle asset (futures) or quote asset (spot).</summary>
    public decimal Notional(decimal price, decimal quantity)
    {
        if (!IsFutures)
        {
            return price * quantity;
        }

        return IsInverse ? quantity * ContractSize / price : quantity * ContractSize * price;
    }

    /// <summary>Profit of a long of <paramref name="quantity"/> opened at <paramref name="entry"/> and valued at <paramref name="exit"/>, in the settle asset.</summary>
    public decimal LongPnl(decimal entry, decimal exit, decimal quantity) =>
        IsInverse
            ? quantity * ContractSize * ((1m / entry) - (1m / exit))
            : quantity * ContractSize * (exit - entry);

    /// <summary>Average entry after adding <paramref name="quantity"/> at <paramref name="price"/> to <paramref name="heldQuantity"/> at <paramref name="heldAverage"/> (harmonic for inverse contracts).</summary>
    public decimal AverageEntry(decimal heldQuantity, decimal heldAverage, decimal quantity, decimal price)
    {
        if (heldQuantity == 0m)
        {
            return price;
        }

        var total = heldQuantity + quantity;
        return IsInverse
            ? total / ((heldQuantity / heldAverage) + (quantity / price))
            : ((heldAverage * heldQuantity) + (price * quantity)) / total;
    }
}
