using System.Globalization;
using Engine.Messages.Orders;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Toobit wire ↔ Engine.Messages, for spot and USDT-M futures: requests (<c>ToobitMapper.Requests.cs</c>), replies
/// (<c>.Replies.cs</c>) and stream events (<c>.Events.cs</c>). Pure and thread-safe.
/// </summary>
public static partial class ToobitMapper
{
    /// <summary>The engine status of a wire status; <c>PENDING_NEW</c> is open (§10.12); null for an unknown one.</summary>
    public static OrderStatus? ToStatus(string? status) => status switch
    {
        "PENDING_NEW" or "NEW" => OrderStatus.Accepted,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" or "PARTIALLY_CANCELED" => OrderStatus.Canceled,
        "PENDING_CANCEL" => OrderStatus.PendingCancel,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" => OrderStatus.Expired,
        _ => null,
    };

    /// <summary>The side of a spot (<c>BUY</c>) or futures (<c>BUY_OPEN</c>, <c>SELL_CLOSE</c>) wire side.</summary>
    public static OrderSide? ToSide(string? side) => side switch
    {
        "BUY" or "BUY_OPEN" or "BUY_CLOSE" => OrderSide.Buy,
        "SELL" or "SELL_OPEN" or "SELL_CLOSE" => OrderSide.Sell,
        _ => null,
    };

    /// <summary>The futures side for a side and an offset (§4.1): Buy+Open = BUY_OPEN … Sell+Close = SELL_CLOSE; null without an offset.</summary>
    public static string? ToFuturesSide(OrderSide side, OffsetFlag offset) => (side, offset) switch
    {
        (OrderSide.Buy, OffsetFlag.Open) => "BUY_OPEN",
        (OrderSide.Sell, OffsetFlag.Open) => "SELL_OPEN",
        (OrderSide.Buy, OffsetFlag.Close) => "BUY_CLOSE",
        (OrderSide.Sell, OffsetFlag.Close) => "SELL_CLOSE",
        _ => null,
    };

    /// <summary>The engine type of a wire order: LIMIT_MAKER (spot) and LIMIT with timeInForce LIMIT_MAKER (futures) are post-only; priceType MARKET is a market order.</summary>
    public static OrderType ToOrderType(string type, string timeInForce, string priceType) =>
        type == "MARKET" || priceType == "MARKET" ? OrderType.Market
        : type == "LIMIT_MAKER" || timeInForce == "LIMIT_MAKER" ? OrderType.LimitMaker
        : OrderType.Limit;

    /// <summary>The engine time in force of a wire one (GTC by default, and for LIMIT_MAKER).</summary>
    public static TimeInForce ToTimeInForce(string? timeInForce) => timeInForce switch
    {
        "IOC" => TimeInForce.Ioc,
        "FOK" => TimeInForce.Fok,
        _ => TimeInForce.Gtc,
    };

    /// <summary>Invariant text of a decimal without trailing zeros (what the venue accepts for price and quantity).</summary>
    public static string Text(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since the epoch as an instant; <paramref name="fallback"/> when absent.</summary>
    public static DateTimeOffset FromMillis(long? ms, DateTimeOffset fallback) => ms is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value) : fallback;
}
