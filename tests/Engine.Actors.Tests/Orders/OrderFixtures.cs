using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders;

internal static class OrderFixtures
{
    public static readonly LoginId Login = new("alice");
    public static readonly ClientOrderId Cid = new("c-1");
    public static readonly VenueOrderId Vid = new("v-1");
    public static readonly Symbol Btc = new("BTC/USDT");
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static OrderSubmitted Submitted(decimal quantity = 10m, ClientOrderId? cid = null) =>
        new(Login, cid ?? Cid, T0, Btc, OrderSide.Buy, OrderType.Limit, quantity, 100m);

    public static OrderAccepted Accepted(decimal? remaining = null) => new(Login, Cid, T0.AddSeconds(1), Vid, remaining);

    public static OrderPartiallyFilled Fill(string fillId, decimal quantity, decimal price = 100m, decimal? fee = null) =>
        new(Login, Cid, T0.AddSeconds(2), Vid, new FillId(fillId), price, quantity, fee, fee is null ? null : "USDT", Liquidity.Maker);

    public static OrderStatusReported Report(OrderStatus status, decimal remaining, decimal quantity = 10m) =>
        new(Login, Cid, T0.AddSeconds(3), Vid, status, quantity, remaining);
}
