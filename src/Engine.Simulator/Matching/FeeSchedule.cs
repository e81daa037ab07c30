namespace Engine.Simulator.Matching;

/// <summary>Fee rates applied to the notional of each fill. Spot fees are charged in the quote asset, futures fees in the settle asset.</summary>
/// <param name="MakerRate">Rate for fills of resting orders (may be negative for a rebate).</param>
/// <param name="TakerRate">Rate for fills of incoming orders.</param>
public sealed record FeeSchedule(decimal MakerRate, decimal TakerRate)
{
    /// <summary>Rate for the given liquidity.</summary>
    public decimal Rate(Liquidity liquidity) => liquidity == Liquidity.Maker ? MakerRate : TakerRate;

    /// <summary>The larger rate; used to size locks so that any fill is covered.</summary>
    public decimal MaxRate => Math.Max(Math.Max(MakerRate, TakerRate), 0m);
}
