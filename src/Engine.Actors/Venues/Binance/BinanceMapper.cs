using System.Globalization;
using System.Text.RegularExpressions;
using Engine.Messages.Orders;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Pure translation between Binance wire records and Engine.Messages: enums and statuses here, outgoing
/// params in <c>BinanceMapper.Requests.cs</c>, responses in <c>.Replies.cs</c>, errors and server feedback in
/// <c>.Errors.cs</c>, pushed events in <c>.Events.cs</c> and exchangeInfo filters in <c>.Rules.cs</c>.
/// Stateless and thread-safe.
/// </summary>
public static partial class BinanceMapper
{
    /// <summary>
    /// The engine status of an order status (<c>X</c>, <c>status</c>). <c>EXPIRED_IN_MATCH</c> (self-trade
    /// prevention) is Expired; <c>PENDING_NEW</c> (order lists) and unknown strings give null.
    /// </summary>
    public static OrderStatus? ToStatus(string? wireStatus) => wireStatus switch
    {
        "NEW" => OrderStatus.Accepted,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "PENDING_CANCEL" => OrderStatus.PendingCancel,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => null,
    };

    /// <summary><c>BUY</c>/<c>SELL</c> to a side; null for anything else (case-sensitive).</summary>
    public static OrderSide? ToSide(string? side) => side switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => null,
    };

    /// <summary>A side as Binance spells it.</summary>
    public static string ToWireSide(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    /// <summary>The order types the engine trades; STOP_* and TAKE_PROFIT_* give null.</summary>
    public static OrderType? ToOrderType(string? type) => type switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "LIMIT_MAKER" => OrderType.LimitMaker,
        _ => null,
    };

    /// <summary>An order type as Binance spells it.</summary>
    public static string ToWireType(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        _ => "LIMIT_MAKER",
    };

    /// <summary><c>GTC</c>/<c>IOC</c>/<c>FOK</c>; anything else (or none) is GTC, the venue's own default.</summary>
    public static TimeInForce ToTimeInForce(string? timeInForce) => timeInForce switch
    {
        "IOC" => TimeInForce.Ioc,
        "FOK" => TimeInForce.Fok,
        _ => TimeInForce.Gtc,
    };

    /// <summary>A time in force as Binance spells it.</summary>
    public static string ToWireTimeInForce(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Ioc => "IOC",
        TimeInForce.Fok => "FOK",
        _ => "GTC",
    };

    /// <summary>Milliseconds since the Unix epoch, or <paramref name="fallback"/> when the wire gave none (or 0).</summary>
    public static DateTimeOffset FromMillis(long? millis, DateTimeOffset fallback) =>
        millis is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fallback;

    /// <summary>Epoch milliseconds as invariant digits.</summary>
    public static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="clientOrderId"/> fits <c>[a-zA-Z0-9-_]{1,36}</c>, safe under any encoding.</summary>
    public static bool IsValidClientOrderId(string clientOrderId) => ClientOrderIdPattern().IsMatch(clientOrderId);

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientOrderIdPattern();
}
