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

    public static OrderStatusUnknown Unknown(string cid, int at = 1) => new(Login, new ClientOrderId(cid), T0.AddSeconds(at), "no reply within 5s");

    public static OrderCancelRequested CancelRequested(string cid, int at = 4) => new(Login, new ClientOrderId(cid), T0.AddSeconds(at));

    public static SessionEnded Ended(string how, int at = 10) => new(Login, ExternalOrderId.Session, T0.AddSeconds(at), how, []);

    public static VenueOrderIdInferred Inferred(string cid, string venueId, int at = 2) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId(venueId), "the only candidate");

    public static ExternalOrderReported External(string venueId, OrderSide side = OrderSide.Buy, decimal quantity = 1m, int at = 5) =>
        new(Login, ExternalOrderId.Of(new VenueOrderId(venueId)), T0.AddSeconds(at), new VenueOrderId(venueId), new Symbol("BTC/USDT"), side, OrderType.Limit,
            quantity, 100m, OrderStatus.Accepted, "held report matched no order of the book");

    public static ExternalFillReported ExternalFill(string venueId, string fillId, decimal quantity, OrderSide side = OrderSide.Buy, decimal price = 100m, int at = 6) =>
        new(Login, ExternalOrderId.Of(new VenueOrderId(venueId)), T0.AddSeconds(at), new VenueOrderId(venueId), new FillId(fillId), new Symbol("BTC/USDT"), side,
            price, quantity, null, null, Liquidity.Maker, "fill of an external order");

    public static VenueProtocolViolation Violation(string cid, string reason, int at = 7) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId("v-" + cid), nameof(OrderFilled), reason, "{\"op\":\"notify\"}");
}
