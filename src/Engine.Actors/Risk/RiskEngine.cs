using System.Globalization;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// The pre-trade rules, pure: given an order and what its scopes hold, the first breach or null. Trading states come
/// first (a halted scope refuses everything, a reducing one whatever does not reduce its position), then each scope's
/// limits in the order of <see cref="RiskCheck.Limits"/>, each limit in a fixed order: quantity, notional, price band,
/// open orders, order rate, net position, daily loss. Thread-safe (no state).
/// </summary>
public static class RiskEngine
{
    /// <summary>The first rule <paramref name="check"/>'s order breaks, or null when it may go.</summary>
    public static RiskBreach? Check(RiskCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var order = check.Order;
        foreach (var state in check.States)
        {
            if (StateBreach(order, state) is { } breach)
            {
                return breach;
            }
        }

        foreach (var scoped in check.Limits)
        {
            if (LimitBreach(order, check.Mark, scoped) is { } breach)
            {
                return breach;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="order"/> only reduces a position: it is on the other side of a non-zero position and,
    /// with the working orders already reducing it, does not go past flat.
    /// </summary>
    public static bool Reduces(SubmitOrder order, Exposure exposure)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(exposure);
        return order.Side switch
        {
            OrderSide.Sell => exposure.Position > 0m && order.Quantity + exposure.OpenSell <= exposure.Position,
            OrderSide.Buy => exposure.Position < 0m && order.Quantity + exposure.OpenBuy <= -exposure.Position,
            _ => false,
        };
    }

    private static RiskBreach? StateBreach(SubmitOrder order, ScopedState state) => state.State switch
    {
        TradingState.Halted => new RiskBreach(
            RiskRules.Halted, state.Scope.ToString(), null, null, $"{state.Scope} is halted: no new orders until it is resumed"),
        TradingState.Reducing when !Reduces(order, state.Exposure) => new RiskBreach(
            RiskRules.ReduceOnly,
            state.Scope.ToString(),
            null,
            null,
            $"{state.Scope} is reducing: a {order.Side} of {N(order.Quantity)} {order.Symbol} does not reduce the position {N(state.Exposure.Position)} (working buys {N(state.Exposure.OpenBuy)}, sells {N(state.Exposure.OpenSell)})"),
        _ => null,
    };

    private static RiskBreach? LimitBreach(SubmitOrder order, decimal? mark, ScopedLimits scoped)
    {
        var (scope, limits, held) = (scoped.Scope.ToString(), scoped.Limits, scoped.Exposure);
        if (limits.MaxOrderQuantity is { } maxQuantity && order.Quantity > maxQuantity)
        {
            return Breach(RiskRules.MaxOrderQuantity, scope, maxQuantity, order.Quantity, $"order quantity {N(order.Quantity)} {order.Symbol} exceeds the {scope} limit of {N(maxQuantity)}");
        }

        var price = order.Type == OrderType.Market ? mark : order.Price;
        if (limits.MaxOrderNotional is { } maxNotional && price is { } p && order.Quantity * p > maxNotional)
        {
            var notional = order.Quantity * p;
            return Breach(RiskRules.MaxOrderNotional, scope, maxNotional, notional, $"order notional {N(notional)} ({N(order.Quantity)} x {N(p)}) exceeds the {scope} limit of {N(maxNotional)}");
        }

        if (limits.PriceBand is { } band && order.Type != OrderType.Market && order.Price is { } limitPrice && mark is > 0m)
        {
            var distance = Math.Abs(limitPrice - mark.Value) / mark.Value;
            if (distance > band)
            {
                return Breach(RiskRules.PriceBand, scope, band, distance, $"price {N(limitPrice)} is {N(Math.Round(distance * 100m, 4))}% from the mark {N(mark.Value)}; the {scope} band is ±{N(band * 100m)}%");
            }
        }

        if (limits.MaxOpenOrders is { } maxOpen && held.OpenOrders + 1 > maxOpen)
        {
            return Breach(RiskRules.MaxOpenOrders, scope, maxOpen, held.OpenOrders + 1, $"{held.OpenOrders} orders are working; one more exceeds the {scope} limit of {maxOpen}");
        }

        if (limits.MaxOrders is { } maxOrders && held.RecentOrders + 1 > maxOrders)
        {
            return Breach(RiskRules.MaxOrderRate, scope, maxOrders, held.RecentOrders + 1, $"{held.RecentOrders} orders went out in the last {limits.RateWindow}; one more exceeds the {scope} limit of {maxOrders} per {limits.RateWindow}");
        }

        if (limits.MaxNetPosition is { } maxPosition)
        {
            var reach = order.Side == OrderSide.Buy
                ? held.Position + held.OpenBuy + order.Quantity
                : held.Position - held.OpenSell - order.Quantity;
            if (Math.Abs(reach) > maxPosition)
            {
                return Breach(RiskRules.MaxNetPosition, scope, maxPosition, Math.Abs(reach), $"a {order.Side} of {N(order.Quantity)} {order.Symbol} could take the position to {N(reach)} (filled {N(held.Position)}, working buys {N(held.OpenBuy)}, sells {N(held.OpenSell)}); the {scope} limit is ±{N(maxPosition)}");
            }
        }

        if (limits.MaxDailyLoss is { } maxLoss && -held.DailyPnl >= maxLoss)
        {
            return Breach(RiskRules.MaxDailyLoss, scope, maxLoss, -held.DailyPnl, $"the loss of the day {N(-held.DailyPnl)} has reached the {scope} limit of {N(maxLoss)}");
        }

        return null;
    }

    private static RiskBreach Breach(string rule, string scope, decimal limit, decimal actual, string detail) =>
        new(rule, scope, limit, actual, detail);

    private static string N(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
