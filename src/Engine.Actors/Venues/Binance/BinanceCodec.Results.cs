using System.Collections.Immutable;
using System.Text.Json;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceCodec
{
    /// <summary>An order result (place, cancel, status); never throws.</summary>
    public static Mapped<W.OrderResult> ReadOrder(JsonElement result) => Read(result, "order", OrderFrom);

    /// <summary>
    /// The single-order items of an array result (<c>openOrders.status</c>, <c>openOrders.cancelAll</c>);
    /// order-list reports (no <c>orderId</c>) are skipped. Never throws.
    /// </summary>
    public static Mapped<W.OrderResult[]> ReadOrders(JsonElement result) => Read(result, "order list", r =>
        r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("orderId", out _)).Select(OrderFrom).ToArray()
            : throw new FormatException("expected an array of orders"));

    /// <summary>The balances of <c>account.status</c>; never throws.</summary>
    public static Mapped<W.AccountResult> ReadAccount(JsonElement result) => Read(result, "account", r => new W.AccountResult(
        OptBool(r, "canTrade") ?? false,
        OptLong(r, "updateTime") ?? 0,
        r.TryGetProperty("balances", out var b) && b.ValueKind == JsonValueKind.Array
            ? [.. b.EnumerateArray().Select(x => new W.AssetBalance(Str(x, "asset"), Dec(x, "free"), Dec(x, "locked")))]
            : throw new FormatException("account.status without a 'balances' array")));

    /// <summary>Limits and symbols of <c>exchangeInfo</c>; unknown filter types are kept by name only. Never throws.</summary>
    public static Mapped<W.ExchangeInfoResult> ReadExchangeInfo(JsonElement result) => Read(result, "exchangeInfo", r => new W.ExchangeInfoResult(
        ReadRateLimits(r, "rateLimits"),
        r.TryGetProperty("symbols", out var symbols) && symbols.ValueKind == JsonValueKind.Array
            ? [.. symbols.EnumerateArray().Select(SymbolFrom)]
            : throw new FormatException("exchangeInfo without a 'symbols' array")));

    /// <summary>The <c>serverTime</c> of <c>time</c> (and of session results); never throws.</summary>
    public static long? ReadServerTime(JsonElement result)
    {
        try
        {
            return result.ValueKind == JsonValueKind.Object ? OptLong(result, "serverTime") : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The <c>subscriptionId</c> of a subscribe result; null when the server answered the old <c>{}</c>
    /// or anything unreadable. Never throws.
    /// </summary>
    public static int? ReadSubscriptionId(JsonElement result)
    {
        try
        {
            return result.ValueKind == JsonValueKind.Object ? (int?)OptLong(result, "subscriptionId") : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The result of <c>session.logon</c> or <c>session.status</c>; never throws.</summary>
    public static Mapped<W.SessionResult> ReadSession(JsonElement result) => Read(result, "session", r => new W.SessionResult(
        OptStr(r, "apiKey"),
        OptLong(r, "authorizedSince"),
        OptLong(r, "connectedSince") ?? 0,
        OptBool(r, "returnRateLimits") ?? true,
        Long(r, "serverTime"),
        OptBool(r, "userDataStream")));

    private static Mapped<T> Read<T>(JsonElement result, string what, Func<JsonElement, T> read)
        where T : class
    {
        try
        {
            if (result.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return new(default, $"{what} result must be an object or an array, not {result.ValueKind}");
            }

            return new(read(result), null);
        }
        catch (FormatException ex)
        {
            return new(default, $"unreadable {what} result: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            return new(default, $"unreadable {what} result: {ex.Message}");
        }
    }

    private static W.OrderResult OrderFrom(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an order must be an object");
        }

        return new W.OrderResult
        {
            Symbol = Str(o, "symbol"),
            OrderId = Long(o, "orderId"),
            ClientOrderId = OptStr(o, "clientOrderId") ?? string.Empty,
            OrigClientOrderId = OptStr(o, "origClientOrderId"),
            TransactTime = OptLong(o, "transactTime"),
            Time = OptLong(o, "time"),
            UpdateTime = OptLong(o, "updateTime"),
            Price = OptDec(o, "price"),
            OrigQty = OptDec(o, "origQty"),
            ExecutedQty = OptDec(o, "executedQty"),
            CummulativeQuoteQty = OptDec(o, "cummulativeQuoteQty"),
            Status = OptStr(o, "status"),
            TimeInForce = OptStr(o, "timeInForce"),
            Type = OptStr(o, "type"),
            Side = OptStr(o, "side"),
            Fills = o.TryGetProperty("fills", out var fills) && fills.ValueKind == JsonValueKind.Array
                ? [.. fills.EnumerateArray().Select(f => new W.Fill(Dec(f, "price"), Dec(f, "qty"), Dec(f, "commission"), Str(f, "commissionAsset"), Long(f, "tradeId")))]
                : [],
        };
    }

    private static W.SymbolInfo SymbolFrom(JsonElement s) => new(
        Str(s, "symbol"),
        OptStr(s, "status") ?? string.Empty,
        OptStr(s, "baseAsset") ?? string.Empty,
        OptStr(s, "quoteAsset") ?? string.Empty,
        s.TryGetProperty("filters", out var filters) && filters.ValueKind == JsonValueKind.Array
            ? [.. filters.EnumerateArray().Select(f => new W.SymbolFilter(
                Str(f, "filterType"),
                OptDec(f, "minPrice"),
                OptDec(f, "maxPrice"),
                OptDec(f, "tickSize"),
                OptDec(f, "minQty"),
                OptDec(f, "maxQty"),
                OptDec(f, "stepSize"),
                OptDec(f, "minNotional"),
                OptDec(f, "maxNotional")))]
            : []);
}
