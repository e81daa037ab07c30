namespace Engine.Actors.Risk;

/// <summary>
/// What one scope already holds when a new order arrives, for the order's symbol where a number is per symbol.
/// Immutable.
/// </summary>
/// <param name="OpenOrders">Working orders of the scope (every symbol).</param>
/// <param name="Position">Filled net position of the scope in the order's symbol (positive long).</param>
/// <param name="OpenBuy">Remaining quantity of the scope's working buy orders in the order's symbol.</param>
/// <param name="OpenSell">Remaining quantity of the scope's working sell orders in the order's symbol.</param>
/// <param name="RecentOrders">Orders of the scope let through within its rate window.</param>
/// <param name="DailyPnl">Profit (negative: loss) of the scope over the UTC day, at the mark; 0 when unknown.</param>
public sealed record Exposure(int OpenOrders, decimal Position, decimal OpenBuy, decimal OpenSell, int RecentOrders, decimal DailyPnl)
{
    /// <summary>Nothing held.</summary>
    public static Exposure None { get; } = new(0, 0m, 0m, 0m, 0, 0m);
}
