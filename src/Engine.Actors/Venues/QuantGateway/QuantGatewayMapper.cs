using Engine.Messages.Orders;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// Pure translation between quant gateway wire records and Engine.Messages: enums and statuses here,
/// outgoing requests in <c>QuantGatewayMapper.Requests.cs</c>, notifications and replies in
/// <c>QuantGatewayMapper.Reports.cs</c>. Stateless and thread-safe.
/// </summary>
public static partial class QuantGatewayMapper
{
    /// <summary>
    /// The engine status of a wire status. <c>NONE</c> (huobi_future "cancelling" and other unmapped codes)
    /// and unknown strings give null: they say nothing reliable and are only logged.
    /// </summary>
    public static OrderStatus? ToStatus(string wireStatus) => wireStatus switch
    {
        "SUBMITTED" => OrderStatus.Accepted,
        "PARTIAL-FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "FAILED" => OrderStatus.Rejected,
        _ => null,
    };

    /// <summary>The wire status of an engine status the gateway can report; null for the engine-only ones.</summary>
    public static string? ToWireStatus(OrderStatus status) => status switch
    {
        OrderStatus.Accepted => "SUBMITTED",
        OrderStatus.PartiallyFilled => "PARTIAL-FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Canceled => "CANCELED",
        OrderStatus.Rejected => "FAILED",
        _ => null,
    };

    /// <summary><c>BUY</c>/<c>SELL</c> to a side; null for anything else (case-sensitive).</summary>
    public static OrderSide? ToSide(string action) => action switch
    {
        W.Buy => OrderSide.Buy,
        W.Sell => OrderSide.Sell,
        _ => null,
    };

    /// <summary>A side as <c>action</c>/<c>side</c>.</summary>
    public static string ToAction(OrderSide side) => side == OrderSide.Buy ? W.Buy : W.Sell;

    /// <summary><c>LIMIT</c>, <c>MARKET</c>, <c>IOC</c> to type and time in force; null for anything else.</summary>
    public static (OrderType Type, TimeInForce TimeInForce)? ToOrderType(string orderType) => orderType switch
    {
        "LIMIT" => (OrderType.Limit, TimeInForce.Gtc),
        "MARKET" => (OrderType.Market, TimeInForce.Ioc),
        "IOC" => (OrderType.Limit, TimeInForce.Ioc),
        _ => null,
    };

    /// <summary>Liquidity from the wire; null (okex) and unknown strings give <see cref="Liquidity.Unknown"/>.</summary>
    public static Liquidity ToLiquidity(string? liquidity) => liquidity switch
    {
        "MAKER" => Liquidity.Maker,
        "TAKER" => Liquidity.Taker,
        _ => Liquidity.Unknown,
    };

    /// <summary>
    /// The signed huobi_future quantity (§6.7): BUY+open and SELL+close are positive, BUY+close and
    /// SELL+open negative.
    /// </summary>
    public static decimal SignedFuturesQuantity(OrderSide side, OffsetFlag offset, decimal contracts) =>
        (side, offset) switch
        {
            (OrderSide.Buy, OffsetFlag.Open) or (OrderSide.Sell, OffsetFlag.Close) => contracts,
            _ => -contracts,
        };

    /// <summary>
    /// The inverse of <see cref="SignedFuturesQuantity"/>: the open/close intent and whole contracts
    /// (<c>abs(int(quantity))</c>, truncating like the server) of a signed huobi_future quantity.
    /// </summary>
    public static (OffsetFlag Offset, decimal Contracts) FromSignedFuturesQuantity(OrderSide side, decimal signedQuantity)
    {
        var contracts = Math.Abs(decimal.Truncate(signedQuantity));
        var positive = signedQuantity > 0m;
        var offset = (side, positive) switch
        {
            (OrderSide.Buy, true) or (OrderSide.Sell, false) => OffsetFlag.Open,
            _ => OffsetFlag.Close,
        };
        return (offset, contracts);
    }

    /// <summary>Milliseconds since the Unix epoch, or <paramref name="fallback"/> when the wire gave none.</summary>
    public static DateTimeOffset FromMillis(long? millis, DateTimeOffset fallback) =>
        millis is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fallback;
}
