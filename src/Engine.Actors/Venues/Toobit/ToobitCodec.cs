using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using W = Engine.Actors.Venues.Toobit.ToobitWire;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Pure readers of Toobit JSON. Tolerant where the venue is inconsistent (reference §10.13): ids, <c>E</c>, <c>c</c>
/// and <c>code</c> are accepted as strings or numbers; ids are read as <c>long</c> from the raw text (never through
/// <c>double</c>); decimals from strings or numbers. Every reader returns null (or an error text)
/// instead of throwing. Thread-safe.
/// </summary>
public static class ToobitCodec
{
    /// <summary>Codes that mean success in a body (§6): absent, 0 or 200, as number or string.</summary>
    public static bool IsSuccessCode(string? code) => code is null or "" or "0" or "200";

    /// <summary>The body's <c>{code,msg}</c> when its code is not a success code; null otherwise (arrays, plain objects).</summary>
    public static W.Error? ReadError(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && Text(body, "code") is { } code && !IsSuccessCode(code)
            ? new W.Error(code, Text(body, "msg") ?? Text(body, "message") ?? string.Empty)
            : null;

    /// <summary>A property as text: strings as they are, numbers and booleans as their raw JSON; null when absent or null.</summary>
    public static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A 64-bit id from a string or a number's raw text; null when absent or not an integer.</summary>
    public static long? Whole(JsonElement o, string name) =>
        Text(o, name) is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A decimal from a string or a number; null when absent or unreadable.</summary>
    public static decimal? Number(JsonElement o, string name) =>
        Text(o, name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A boolean from true/false or "true"/"false".</summary>
    public static bool Bool(JsonElement o, string name) => string.Equals(Text(o, name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An order object; null without a readable <c>orderId</c>.</summary>
    public static W.Order? ReadOrder(JsonElement o)
    {
        if (Whole(o, "orderId") is not { } id)
        {
            return null;
        }

        return new W.Order(
            id,
            Text(o, "clientOrderId") ?? string.Empty,
            Text(o, "symbol") ?? string.Empty,
            Text(o, "side") ?? string.Empty,
            Text(o, "type") ?? string.Empty,
            Text(o, "timeInForce") ?? string.Empty,
            Text(o, "priceType") ?? "INPUT",
            Number(o, "price") ?? 0m,
            Number(o, "origQty") ?? 0m,
            Number(o, "executedQty") ?? Number(o, "executeQty") ?? 0m,
            Text(o, "status") ?? string.Empty,
            Whole(o, "time") ?? Whole(o, "transactTime"),
            Whole(o, "updateTime"));
    }

    /// <summary>An array of order objects; null when the body is not an array or an item is unreadable.</summary>
    public static ImmutableArray<W.Order>? ReadOrders(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var orders = ImmutableArray.CreateBuilder<W.Order>();
        foreach (var item in body.EnumerateArray())
        {
            if (ReadOrder(item) is not { } order)
            {
                return null;
            }

            orders.Add(order);
        }

        return orders.ToImmutable();
    }

    /// <summary>The balances of <c>/api/v1/account</c>; null without a <c>balances</c> array.</summary>
    public static ImmutableArray<W.Balance>? ReadBalances(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("balances", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return [.. list.EnumerateArray().Select(b => new W.Balance(Text(b, "asset") ?? string.Empty, Number(b, "free") ?? 0m, Number(b, "locked") ?? 0m))];
    }

    /// <summary>The legs of <c>/api/v1/futures/positions</c>; null when the body is not an array.</summary>
    public static ImmutableArray<W.PositionLeg>? ReadPositions(JsonElement body) =>
        body.ValueKind == JsonValueKind.Array
            ? [.. body.EnumerateArray().Select(p => new W.PositionLeg(
                Text(p, "symbol") ?? string.Empty,
                Text(p, "side") ?? string.Empty,
                Number(p, "position") ?? 0m,
                Number(p, "available") ?? 0m,
                Number(p, "avgPrice") ?? 0m,
                Number(p, "unrealizedPnL") ?? 0m,
                Number(p, "leverage")))]
            : null;

    /// <summary>The named symbol of <c>exchangeInfo</c> (searched in <c>symbols</c> then <c>contracts</c>); null when absent.</summary>
    public static W.SymbolInfo? ReadSymbol(JsonElement body, string symbol)
    {
        foreach (var list in new[] { "symbols", "contracts" })
        {
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var s in items.EnumerateArray())
            {
                if (Text(s, "symbol") == symbol)
                {
                    var filters = s.TryGetProperty("filters", out var f) && f.ValueKind == JsonValueKind.Array ? f.EnumerateArray().ToList() : [];
                    JsonElement Filter(string type) => filters.FirstOrDefault(x => Text(x, "filterType") == type);
                    var price = Filter("PRICE_FILTER");
                    var lot = Filter("LOT_SIZE");
                    var notional = Filter("MIN_NOTIONAL");
                    return new W.SymbolInfo(
                        symbol,
                        Text(s, "baseAsset") ?? Text(s, "underlying") ?? string.Empty,
                        Text(s, "quoteAsset") ?? string.Empty,
                        Number(price, "tickSize") ?? 0m,
                        Number(lot, "stepSize") ?? 0m,
                        Number(lot, "minQty"),
                        Number(lot, "maxQty"),
                        Number(notional, "minNotional"),
                        Number(s, "contractMultiplier"),
                        Text(s, "marginToken"));
                }
            }
        }

        return null;
    }

    /// <summary><c>rateLimits</c> of <c>exchangeInfo</c>, accepting <c>REQUESTS_WEIGHT</c> for <c>REQUEST_WEIGHT</c> (§10.8); window = <c>intervalUnit × interval</c>.</summary>
    public static ImmutableArray<W.RateLimit> ReadRateLimits(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("rateLimits", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var limits = ImmutableArray.CreateBuilder<W.RateLimit>();
        foreach (var l in list.EnumerateArray())
        {
            var type = Text(l, "rateLimitType") is "REQUESTS_WEIGHT" ? "REQUEST_WEIGHT" : Text(l, "rateLimitType");
            TimeSpan? unit = Text(l, "interval") switch { "SECOND" => TimeSpan.FromSeconds(1), "MINUTE" => TimeSpan.FromMinutes(1), "DAY" => TimeSpan.FromDays(1), _ => null };
            if (type is not null && unit is { } u && Whole(l, "intervalUnit") is { } n and > 0 && Whole(l, "limit") is { } limit and > 0 and <= int.MaxValue)
            {
                limits.Add(new W.RateLimit(type, u * n, (int)limit));
            }
        }

        return limits.ToImmutable();
    }

    /// <summary>Server time of <c>/api/v1/time</c> (a number) in ms; null when unreadable.</summary>
    public static long? ReadServerTime(JsonElement body) => Whole(body, "serverTime");

    /// <summary>
    /// The events of one stream message: a JSON array of objects dispatched on <c>e</c> (a single object is read as a
    /// one-item array). Fails for anything else; the caller handles <c>{"pong":…}</c>/<c>{"ping":…}</c> first.
    /// </summary>
    public static (ImmutableArray<W.Event> Events, string? Error) ReadEvents(JsonElement message)
    {
        var items = message.ValueKind switch
        {
            JsonValueKind.Array => message.EnumerateArray().ToList(),
            JsonValueKind.Object => [message],
            _ => null,
        };
        if (items is null)
        {
            return ([], $"a stream message must be a JSON array of events, not {message.ValueKind}");
        }

        var events = ImmutableArray.CreateBuilder<W.Event>(items.Count);
        foreach (var e in items)
        {
            var name = Text(e, "e");
            if (name is null)
            {
                return ([], "a stream event has no 'e' (event type)");
            }

            var at = Whole(e, "E");
            events.Add(name switch
            {
                "executionReport" or "contractExecutionReport" when Whole(e, "i") is { } id => new W.ExecutionReport(
                    name, at, Text(e, "s") ?? string.Empty, Text(e, "c") ?? string.Empty, Text(e, "S") ?? string.Empty, Text(e, "o") ?? string.Empty,
                    Text(e, "X") ?? string.Empty, id, Number(e, "q") ?? 0m, Number(e, "p") ?? 0m, Number(e, "l") ?? 0m, Number(e, "L") ?? 0m,
                    Number(e, "z") ?? 0m, Number(e, "Z") ?? 0m, Number(e, "n") ?? 0m, Text(e, "N") ?? string.Empty, Bool(e, "m"), Whole(e, "U")),
                "outboundAccountInfo" or "outboundContractAccountInfo" => new W.AccountInfo(name, at, e.TryGetProperty("B", out var b) && b.ValueKind == JsonValueKind.Array
                    ? [.. b.EnumerateArray().Select(x => new W.Balance(Text(x, "a") ?? string.Empty, Number(x, "f") ?? 0m, Number(x, "l") ?? 0m))]
                    : []),
                "outboundContractPositionInfo" => new W.PositionInfo(name, at, new W.PositionLeg(
                    Text(e, "s") ?? string.Empty, Text(e, "S") ?? string.Empty, Number(e, "P") ?? 0m, Number(e, "a") ?? 0m, Number(e, "p") ?? 0m, Number(e, "up") ?? 0m, Number(e, "v"))),
                _ => new W.OtherEvent(name, at),
            });
        }

        return (events.ToImmutable(), null);
    }
}
