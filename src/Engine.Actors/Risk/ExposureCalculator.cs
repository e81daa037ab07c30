using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Risk;

/// <summary>
/// Folds one login's orders into the <see cref="Exposure"/> of a scope for a symbol: working orders of the scope,
/// filled net position and working quantities in the symbol. The order book owns the orders, so positions and working
/// orders are read from it, never kept twice. Pure.
/// </summary>
public static class ExposureCalculator
{
    /// <summary>
    /// The exposure of the orders <paramref name="inScope"/> accepts among <paramref name="orders"/>, for
    /// <paramref name="symbol"/>; <paramref name="recentOrders"/> and <paramref name="dailyPnl"/> are passed through.
    /// </summary>
    public static Exposure Of(IEnumerable<OrderState> orders, Func<OrderState, bool> inScope, Symbol symbol, int recentOrders, decimal dailyPnl)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(inScope);
        var open = 0;
        decimal position = 0m, openBuy = 0m, openSell = 0m;
        foreach (var order in orders)
        {
            if (!inScope(order))
            {
                continue;
            }

            var working = OrderLifecycle.IsWorking(order.Status);
            if (working)
            {
                open++;
            }

            if (order.Symbol != symbol)
            {
                continue;
            }

            var buy = order.Side == OrderSide.Buy;
            position += buy ? order.FilledQuantity : -order.FilledQuantity;
            if (working)
            {
                if (buy)
                {
                    openBuy += order.RemainingQuantity;
                }
                else
                {
                    openSell += order.RemainingQuantity;
                }
            }
        }

        return new Exposure(open, position, openBuy, openSell, recentOrders, dailyPnl);
    }
}
