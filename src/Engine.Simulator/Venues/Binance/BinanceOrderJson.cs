using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Order-shaped results (§5.1–§5.5) and user data events (§6.3–§6.5). Pure; times in the session's unit.</summary>
internal static class BinanceOrderJson
{
    /// <summary><c>order.place</c> ACK.</summary>
    public static JsonObject Ack(BinanceOrder o, long transactTime) => new()
    {
        ["symbol"] = o.Symbol,
        ["orderId"] = o.OrderId,
        ["orderListId"] = -1,
        ["clientOrderId"] = o.ClientOrderId,
        ["transactTime"] = transactTime,
    };

    /// <summary><c>order.place</c> RESULT (and the base of FULL).</summary>
    public static JsonObject Result(BinanceOrder o, long transactTime, Func<DateTimeOffset, long> time)
    {
        var r = Ack(o, transactTime);
        r["price"] = BinanceJson.Dec(o.Price);
        r["origQty"] = BinanceJson.Dec(o.OrigQty);
        r["executedQty"] = BinanceJson.Dec(o.ExecutedQty);
        r["origQuoteOrderQty"] = BinanceJson.Dec(o.OrigQuoteOrderQty);
        r["cummulativeQuoteQty"] = BinanceJson.Dec(o.CumulativeQuoteQty);
        r["status"] = o.Status;
        r["timeInForce"] = o.TimeInForce;
        r["type"] = o.Type;
        r["side"] = o.Side;
        r["workingTime"] = o.WorkingTime is { } w ? time(w) : -1;
        r["selfTradePreventionMode"] = "EXPIRE_MAKER";
        if (o.ExpiryReason is not null)
        {
            r["expiryReason"] = o.ExpiryReason;
        }

        return r;
    }

    /// <summary>One entry of FULL <c>fills</c>.</summary>
    public static JsonObject FillEntry(Fill f) => new()
    {
        ["price"] = BinanceJson.Dec(f.Price),
        ["qty"] = BinanceJson.Dec(f.Quantity),
        ["commission"] = BinanceJson.Dec(f.Fee),
        ["commissionAsset"] = f.FeeAsset,
        ["tradeId"] = long.Parse(f.FillId, CultureInfo.InvariantCulture),
    };

    /// <summary><c>order.status</c> / <c>openOrders.status</c> entry.</summary>
    public static JsonObject Status(BinanceOrder o, Func<DateTimeOffset, long> time) => new()
    {
        ["symbol"] = o.Symbol,
        ["orderId"] = o.OrderId,
        ["orderListId"] = -1,
        ["clientOrderId"] = o.ClientOrderId,
        ["price"] = BinanceJson.Dec(o.Price),
        ["origQty"] = BinanceJson.Dec(o.OrigQty),
        ["executedQty"] = BinanceJson.Dec(o.ExecutedQty),
        ["cummulativeQuoteQty"] = BinanceJson.Dec(o.CumulativeQuoteQty),
        ["status"] = o.Status,
        ["timeInForce"] = o.TimeInForce,
        ["type"] = o.Type,
        ["side"] = o.Side,
        ["stopPrice"] = BinanceJson.Dec(0m),
        ["icebergQty"] = BinanceJson.Dec(0m),
        ["time"] = time(o.Time),
        ["updateTime"] = time(o.UpdateTime),
        ["isWorking"] = o.WorkingTime is not null,
        ["workingTime"] = o.WorkingTime is { } w ? time(w) : -1,
        ["origQuoteOrderQty"] = BinanceJson.Dec(o.OrigQuoteOrderQty),
        ["selfTradePreventionMode"] = "EXPIRE_MAKER",
    };

    /// <summary><c>order.cancel</c> result (one entry of <c>openOrders.cancelAll</c>).</summary>
    public static JsonObject Cancel(BinanceOrder o, long transactTime) => new()
    {
        ["symbol"] = o.Symbol,
        ["origClientOrderId"] = o.OrigClientOrderId ?? o.ClientOrderId,
        ["orderId"] = o.OrderId,
        ["orderListId"] = -1,
        ["clientOrderId"] = o.ClientOrderId,
        ["transactTime"] = transactTime,
        ["price"] = BinanceJson.Dec(o.Price),
        ["origQty"] = BinanceJson.Dec(o.OrigQty),
        ["executedQty"] = BinanceJson.Dec(o.ExecutedQty),
        ["origQuoteOrderQty"] = BinanceJson.Dec(o.OrigQuoteOrderQty),
        ["cummulativeQuoteQty"] = BinanceJson.Dec(o.CumulativeQuoteQty),
        ["status"] = o.Status,
        ["timeInForce"] = o.TimeInForce,
        ["type"] = o.Type,
        ["side"] = o.Side,
        ["selfTradePreventionMode"] = "EXPIRE_MAKER",
    };

    /// <summary>
    /// <c>executionReport</c> for the order's current state; <paramref name="executionType"/> is NEW, TRADE,
    /// CANCELED or EXPIRED; <paramref name="fill"/> is the trade for TRADE. Times: <paramref name="at"/> is E and T.
    /// </summary>
    public static JsonObject ExecutionReport(BinanceOrder o, string executionType, Fill? fill, long at, long executionId, Func<DateTimeOffset, long> time)
    {
        var canceled = executionType == "CANCELED";
        var e = new JsonObject
        {
            ["e"] = "executionReport",
            ["E"] = at,
            ["s"] = o.Symbol,
            ["c"] = o.ClientOrderId,
            ["S"] = o.Side,
            ["o"] = o.Type,
            ["f"] = o.TimeInForce,
            ["q"] = BinanceJson.Dec(o.OrigQty),
            ["p"] = BinanceJson.Dec(o.Price),
            ["P"] = BinanceJson.Dec(0m),
            ["F"] = BinanceJson.Dec(0m),
            ["g"] = -1,
            ["C"] = canceled ? o.OrigClientOrderId ?? string.Empty : string.Empty,
            ["x"] = executionType,
            ["X"] = o.Status,
            ["r"] = "NONE",
            ["i"] = o.OrderId,
            ["l"] = BinanceJson.Dec(fill?.Quantity ?? 0m),
            ["z"] = BinanceJson.Dec(o.ExecutedQty),
            ["L"] = BinanceJson.Dec(fill?.Price ?? 0m),
            ["n"] = fill is null ? "0" : BinanceJson.Dec(fill.Fee),
            ["N"] = fill?.FeeAsset,
            ["T"] = at,
            ["t"] = fill is null ? -1 : long.Parse(fill.FillId, CultureInfo.InvariantCulture),
            ["I"] = executionId,
            ["w"] = o.IsOpen && o.WorkingTime is not null,
            ["m"] = fill?.Liquidity == Liquidity.Maker,
            ["M"] = false,
            ["O"] = time(o.Time),
            ["Z"] = BinanceJson.Dec(o.CumulativeQuoteQty),
            ["Y"] = BinanceJson.Dec(fill is null ? 0m : fill.Price * fill.Quantity),
            ["Q"] = BinanceJson.Dec(o.OrigQuoteOrderQty),
        };
        if (o.WorkingTime is { } working)
        {
            e["W"] = time(working);
        }

        e["V"] = "EXPIRE_MAKER";
        if (executionType == "EXPIRED" && o.ExpiryReason is not null)
        {
            e["eR"] = o.ExpiryReason;
        }

        return e;
    }

    /// <summary><c>outboundAccountPosition</c> with the given spot balances, ordered by asset.</summary>
    public static JsonObject AccountPosition(IReadOnlyDictionary<string, Balance> balances, long at)
    {
        var list = new JsonArray();
        foreach (var (asset, b) in balances.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            list.Add(new JsonObject { ["a"] = asset, ["f"] = BinanceJson.Dec(b.Free), ["l"] = BinanceJson.Dec(b.Locked) });
        }

        return new JsonObject { ["e"] = "outboundAccountPosition", ["E"] = at, ["u"] = at, ["B"] = list };
    }
}
