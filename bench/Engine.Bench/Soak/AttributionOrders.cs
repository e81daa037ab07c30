using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Bench.Soak;

/// <summary>
/// The order stream of the attribution runs, shared by the soak and the attribution scenarios (linked into
/// Engine.Actors.Tests), around a mid of <see cref="Mid"/>: half marketable (they fill at once), half resting far from
/// the mid; buys and sells alternate.
/// </summary>
internal static class AttributionOrders
{
    public const decimal Mid = 50_000m;
    public const decimal Quantity = 0.001m;

    /// <summary>The <paramref name="i"/>-th order, client id <c>{prefix}-{i}</c>.</summary>
    public static SubmitOrder Next(LoginId login, Symbol symbol, string prefix, int i, DateTimeOffset now)
    {
        var side = i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
        var marketable = i % 4 < 2;
        var price = (marketable, side) switch
        {
            (true, OrderSide.Buy) => 51_000m,
            (true, _) => 49_000m,
            (false, OrderSide.Buy) => 45_000m,
            _ => 55_000m,
        };
        return new SubmitOrder(login, new ClientOrderId($"{prefix}-{i}"), now, symbol, side, OrderType.Limit, Quantity, price);
    }
}
