using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Host.Tests;

/// <summary>Short constructors for order events in tests.</summary>
internal static class OrderEvents
{
    public static readonly LoginId Login = new("qg-huobi");
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static OrderSubmitted Submit(string cid, OrderSide side = OrderSide.Buy, decimal quantity = 1m, decimal price = 100m, int at = 0) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new Symbol("BTC/USDT"), side, OrderType.Limit, quantity, price);

    public static OrderAccepted Accept(string cid, string venueId = "", int at = 1) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId(venueId.Length == 0 ? "v-" + cid : venueId));

    public static OrderPartiallyFilled Partial(string cid, string fillId, decimal quantity, decimal price = 100m, decimal? fee = null, int at = 2) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId("v-" + cid), new FillId(fillId), price, quantity, fee, fee is null ? null : "USDT");

    public static OrderFilled Fill(string cid, string fillId, decimal quantity, decimal price = 100m, decimal? fee = null, int at = 3) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId("v-" + cid), new FillId(fillId), price, quantity, fee, fee is null ? null : "USDT");

    public static OrderRejected Reject(string cid, int at = 1) => new(Login, new ClientOrderId(cid), T0.AddSeconds(at), "insufficient balance");

    public static OrderCanceled Cancel(string cid, int at = 4) => new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId("v-" + cid));
}
