using Engine.Simulator.Matching;

namespace Engine.Simulator.Hosting;

/// <summary>One account of a <see cref="VenueTruth"/>.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Orders">Every order, live or ended, oldest first.</param>
/// <param name="Fills">Every fill, in execution order.</param>
/// <param name="NetPosition">Per symbol, the quantity bought minus the quantity sold over <paramref name="Fills"/>.</param>
/// <param name="OpenOrders">How many orders are still live (new or partially filled).</param>
public sealed record AccountTruth(
    string AccountId,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<Fill> Fills,
    IReadOnlyDictionary<string, decimal> NetPosition,
    int OpenOrders)
{
    /// <summary>The truth of <paramref name="accountId"/>; call it under the venue's lock.</summary>
    public static AccountTruth Of(MatchingEngine engine, string accountId)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var orders = engine.OrdersOf(accountId);
        var fills = engine.FillsOf(accountId);
        var net = fills
            .GroupBy(f => f.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity), StringComparer.Ordinal);
        var open = orders.Count(o => o.Status is SimOrderStatus.New or SimOrderStatus.PartiallyFilled);
        return new AccountTruth(accountId, orders, fills, net, open);
    }
}
