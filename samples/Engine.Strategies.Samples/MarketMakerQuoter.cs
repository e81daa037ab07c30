using Engine.Messages.Markets;
using Engine.Messages.Orders;

namespace Engine.Strategies.Samples;

/// <summary>The market maker's pricing: pure, thread-safe functions of the mid, the inventory, the parameters and the symbol's rules.</summary>
public static class MarketMakerQuoter
{
    private const decimal BasisPoints = 10_000m;

    /// <summary>
    /// The wanted bid and ask around <paramref name="mid"/>: the bid rounded down and the ask rounded up to the price
    /// tick (never crossed: the ask is at least one tick above the bid), the size rounded down to the size tick. A side
    /// is left out when its fill would take <paramref name="inventory"/> beyond max-long / max-short, or when the size
    /// or notional is below the symbol's minimum.
    /// </summary>
    public static QuotePlan Plan(decimal mid, decimal inventory, MarketMakerParameters parameters, SymbolRules rules)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(rules);
        var half = parameters.SpreadBps / 2m / BasisPoints;
        var bidPrice = RoundDown(mid * (1m - half), rules.PriceTick);
        var askPrice = RoundUp(mid * (1m + half), rules.PriceTick);
        if (rules.PriceTick > 0m && askPrice <= bidPrice)
        {
            askPrice = bidPrice + rules.PriceTick;
        }

        var size = RoundDown(parameters.OrderSize, rules.SizeTick);
        var bid = inventory + size <= parameters.MaxLong ? Make(OrderSide.Buy, bidPrice, size, rules) : null;
        var ask = inventory - size >= -parameters.MaxShort ? Make(OrderSide.Sell, askPrice, size, rules) : null;
        return new QuotePlan(bid, ask);
    }

    /// <summary>True when <paramref name="working"/> is more than <paramref name="thresholdBps"/> basis points away from <paramref name="wanted"/>.</summary>
    public static bool NeedsRequote(decimal working, decimal wanted, decimal thresholdBps) =>
        wanted > 0m && Math.Abs(working - wanted) / wanted * BasisPoints > thresholdBps;

    /// <summary>The largest multiple of <paramref name="tick"/> not above <paramref name="value"/>; the value itself when the tick is zero.</summary>
    public static decimal RoundDown(decimal value, decimal tick) => tick > 0m ? Math.Floor(value / tick) * tick : value;

    /// <summary>The smallest multiple of <paramref name="tick"/> not below <paramref name="value"/>; the value itself when the tick is zero.</summary>
    public static decimal RoundUp(decimal value, decimal tick) => tick > 0m ? Math.Ceiling(value / tick) * tick : value;

    private static Quote? Make(OrderSide side, decimal price, decimal size, SymbolRules rules)
    {
        if (price <= 0m || size <= 0m
            || (rules.MinQuantity is { } min && size < min)
            || (rules.MaxQuantity is { } max && size > max)
            || (rules.MinNotional is { } minNotional && price * size < minNotional))
        {
            return null;
        }

        return new Quote(side, price, size);
    }
}
