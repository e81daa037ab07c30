using System.Globalization;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Messages.Markets;

/// <summary>
/// A symbol's trading rules as the venue publishes them. A null limit is not enforced; a zero tick
/// means "no tick". <see cref="Validate"/> is pure and thread-safe.
/// </summary>
/// <param name="Symbol">The instrument the rules apply to.</param>
/// <param name="PriceTick">Prices must be a multiple of it; 0 disables the check.</param>
/// <param name="SizeTick">Quantities must be a multiple of it; 0 disables the check (1 on whole-contract futures).</param>
/// <param name="MinQuantity">Smallest quantity accepted; null when unlimited.</param>
/// <param name="MaxQuantity">Largest quantity accepted; null when unlimited.</param>
/// <param name="MinNotional">Smallest price x quantity accepted; null when unlimited.</param>
/// <param name="MaxNotional">Largest price x quantity accepted; null when unlimited.</param>
/// <param name="BaseAsset">What is bought or sold, when known.</param>
/// <param name="QuoteAsset">What prices are quoted in, when known.</param>
/// <param name="SettlementAsset">What profit settles in (futures), when known.</param>
public sealed record SymbolRules(
    Symbol Symbol,
    decimal PriceTick,
    decimal SizeTick,
    decimal? MinQuantity = null,
    decimal? MaxQuantity = null,
    decimal? MinNotional = null,
    decimal? MaxNotional = null,
    string? BaseAsset = null,
    string? QuoteAsset = null,
    string? SettlementAsset = null)
{
    /// <summary>
    /// Checks an order against these rules. Returns null when it may be sent, otherwise one sentence for
    /// people naming the first problem and what was expected, for example
    /// "price 100.005 is not a multiple of the tick 0.01 for BTC/USDT".
    /// </summary>
    public string? Validate(SubmitOrder order)
    {
        var s = Symbol.ToString();
        if (order.Symbol != Symbol)
        {
            return $"order is for {order.Symbol} but these rules are for {s}";
        }

        if (order.Quantity <= 0m)
        {
            return $"quantity {Text(order.Quantity)} must be positive for {s}";
        }

        if (order.Type == OrderType.Market)
        {
            if (order.Price is { } p && p != 0m)
            {
                return $"a market order carries no price, but price {Text(p)} was given for {s}";
            }
        }
        else
        {
            if (order.Price is not { } price)
            {
                return $"a {order.Type} order needs a price for {s}";
            }

            if (price <= 0m)
            {
                return $"price {Text(price)} must be positive for {s}";
            }

            if (!IsMultiple(price, PriceTick))
            {
                return $"price {Text(price)} is not a multiple of the tick {Text(PriceTick)} for {s}";
            }
        }

        if (!IsMultiple(order.Quantity, SizeTick))
        {
            return $"quantity {Text(order.Quantity)} is not a multiple of the size tick {Text(SizeTick)} for {s}";
        }

        if (MinQuantity is { } min && order.Quantity < min)
        {
            return $"quantity {Text(order.Quantity)} is below the minimum {Text(min)} for {s}";
        }

        if (MaxQuantity is { } max && order.Quantity > max)
        {
            return $"quantity {Text(order.Quantity)} is above the maximum {Text(max)} for {s}";
        }

        if (order.Type != OrderType.Market && order.Price is { } limit)
        {
            var notional = limit * order.Quantity;
            if (MinNotional is { } minN && notional < minN)
            {
                return $"notional {Text(notional)} (price x quantity) is below the minimum {Text(minN)} for {s}";
            }

            if (MaxNotional is { } maxN && notional > maxN)
            {
                return $"notional {Text(notional)} (price x quantity) is above the maximum {Text(maxN)} for {s}";
            }
        }

        return null;
    }

    private static bool IsMultiple(decimal value, decimal tick) => tick <= 0m || value % tick == 0m;

    /// <summary>Invariant text without trailing zeros: 100.0050 prints as 100.005.</summary>
    private static string Text(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
