using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// Renders clean Toobit JSON (reference §10.13, §10.16): ids, <c>E</c>, <c>c</c> and <c>code</c> as strings, decimals as
/// plain strings. Pure.
/// </summary>
internal static class ToobitJson
{
    public static string Dec(decimal value) => value.ToString("0.##################", CultureInfo.InvariantCulture);

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static JsonObject Error(int code, string message) => new() { ["code"] = code, ["msg"] = message };

    /// <summary>The order object of spot create and cancel, query and open orders (§3), or of the futures endpoints (§4).</summary>
    public static JsonObject Order(ToobitOrder o, string? statusOverride = null)
    {
        var status = statusOverride ?? o.Status;
        if (o.Futures)
        {
            return new JsonObject
            {
                ["time"] = Ms(o.CreatedAt),
                ["updateTime"] = Ms(o.UpdatedAt),
                ["orderId"] = Id(o.OrderId),
                ["clientOrderId"] = o.ClientOrderId,
                ["symbol"] = o.Symbol,
                ["price"] = Dec(o.Price),
                ["leverage"] = o.Leverage.ToString(CultureInfo.InvariantCulture),
                ["origQty"] = Dec(o.OrigQty),
                ["executedQty"] = Dec(o.ExecutedQty),
                ["executeQty"] = Dec(o.ExecutedQty),
                ["avgPrice"] = Dec(o.AveragePrice),
                ["marginLocked"] = "0",
                ["type"] = o.Type,
                ["side"] = o.Side,
                ["timeInForce"] = o.TimeInForce,
                ["status"] = status,
                ["priceType"] = o.PriceType,
            };
        }

        return new JsonObject
        {
            ["accountId"] = o.AccountId,
            ["symbol"] = o.Symbol,
            ["symbolName"] = o.Symbol,
            ["clientOrderId"] = o.ClientOrderId,
            ["orderId"] = Id(o.OrderId),
            ["transactTime"] = Ms(o.CreatedAt),
            ["time"] = Ms(o.CreatedAt),
            ["updateTime"] = Ms(o.UpdatedAt),
            ["price"] = Dec(o.Price),
            ["origQty"] = Dec(o.OrigQty),
            ["executedQty"] = Dec(o.ExecutedQty),
            ["cummulativeQuoteQty"] = Dec(o.CumulativeQuote),
            ["cumulativeQuoteQty"] = Dec(o.CumulativeQuote),
            ["avgPrice"] = Dec(o.AveragePrice),
            ["status"] = status,
            ["timeInForce"] = o.TimeInForce,
            ["type"] = o.Type,
            ["side"] = o.Side,
            ["stopPrice"] = "0",
            ["icebergQty"] = "0",
            ["isWorking"] = true,
        };
    }

    /// <summary><c>executionReport</c> (spot) or <c>contractExecutionReport</c> (futures) for the order's state, with the last fill when given.</summary>
    public static JsonObject ExecutionReport(ToobitOrder o, Fill? fill, DateTimeOffset at)
    {
        var report = new JsonObject
        {
            ["e"] = o.Futures ? "contractExecutionReport" : "executionReport",
            ["E"] = Ms(at),
            ["s"] = o.Symbol,
            ["c"] = o.ClientOrderId,
            ["S"] = o.Side,
            ["o"] = o.Type,
            ["f"] = o.TimeInForce,
            ["q"] = Dec(o.OrigQty),
            ["p"] = Dec(o.Price),
            ["pt"] = o.PriceType,
            ["X"] = o.Status,
            ["i"] = Id(o.OrderId),
            ["l"] = Dec(fill?.Quantity ?? 0m),
            ["z"] = Dec(o.ExecutedQty),
            ["L"] = Dec(fill?.Price ?? 0m),
            ["n"] = Dec(fill?.Fee ?? 0m),
            ["N"] = fill?.FeeAsset ?? string.Empty,
            ["u"] = true,
            ["w"] = o.IsOpen,
            ["m"] = fill?.Liquidity == Liquidity.Maker,
            ["O"] = Ms(o.CreatedAt),
            ["U"] = Ms(o.UpdatedAt),
            ["Z"] = Dec(o.CumulativeQuote),
        };
        if (o.Futures)
        {
            report["mt"] = "CROSS";
            report["v"] = o.Leverage.ToString(CultureInfo.InvariantCulture);
        }

        return report;
    }

    /// <summary><c>ticketInfo</c>: one fill.</summary>
    public static JsonObject Ticket(ToobitOrder o, ToobitTrade t) => new()
    {
        ["e"] = "ticketInfo",
        ["E"] = Ms(t.Time),
        ["s"] = o.Symbol,
        ["q"] = Dec(t.Quantity),
        ["t"] = Ms(t.Time),
        ["p"] = Dec(t.Price),
        ["T"] = Id(t.Id),
        ["o"] = Id(o.OrderId),
        ["c"] = o.ClientOrderId,
        ["O"] = Id(t.MatchOrderId),
        ["a"] = o.AccountId,
        ["A"] = "0",
        ["m"] = t.IsMaker,
        ["S"] = t.IsBuyer ? "BUY" : "SELL",
    };

    /// <summary><c>outboundAccountInfo</c> or <c>outboundContractAccountInfo</c> with the changed assets only.</summary>
    public static JsonObject AccountInfo(bool futures, IEnumerable<(string Asset, decimal Free, decimal Locked)> changed, DateTimeOffset at)
    {
        var balances = new JsonArray();
        foreach (var (asset, free, locked) in changed)
        {
            balances.Add(new JsonObject { ["a"] = asset, ["f"] = Dec(free), ["l"] = Dec(locked) });
        }

        return new JsonObject
        {
            ["e"] = futures ? "outboundContractAccountInfo" : "outboundAccountInfo",
            ["E"] = Ms(at),
            ["T"] = true,
            ["W"] = true,
            ["D"] = true,
            ["B"] = balances,
        };
    }

    /// <summary><c>outboundContractPositionInfo</c> for one leg (LONG or SHORT) of a position.</summary>
    public static JsonObject PositionInfo(PositionView p, bool isLong, int leverage, DateTimeOffset at) => new()
    {
        ["e"] = "outboundContractPositionInfo",
        ["E"] = Ms(at),
        ["A"] = p.AccountId,
        ["s"] = p.Symbol,
        ["S"] = isLong ? "LONG" : "SHORT",
        ["p"] = Dec(isLong ? p.LongAveragePrice : p.ShortAveragePrice),
        ["P"] = Dec(isLong ? p.LongQuantity : p.ShortQuantity),
        ["a"] = Dec(isLong ? p.LongAvailable : p.ShortAvailable),
        ["f"] = "0",
        ["m"] = Dec(isLong ? p.LongMargin : p.ShortMargin),
        ["r"] = Dec(p.RealisedPnl),
        ["mt"] = "CROSS",
        ["rr"] = "0",
        ["up"] = Dec(isLong ? p.LongUnrealisedPnl : p.ShortUnrealisedPnl),
        ["pr"] = "0",
        ["pv"] = "0",
        ["v"] = leverage.ToString(CultureInfo.InvariantCulture),
        ["mp"] = Dec(p.MarkPrice),
    };

    /// <summary>One row of <c>/api/v1/futures/positions</c> for one leg.</summary>
    public static JsonObject PositionRow(PositionView p, bool isLong, int leverage, decimal contractSize) => new()
    {
        ["symbol"] = p.Symbol,
        ["side"] = isLong ? "LONG" : "SHORT",
        ["avgPrice"] = Dec(isLong ? p.LongAveragePrice : p.ShortAveragePrice),
        ["position"] = Dec(isLong ? p.LongQuantity : p.ShortQuantity),
        ["available"] = Dec(isLong ? p.LongAvailable : p.ShortAvailable),
        ["leverage"] = leverage.ToString(CultureInfo.InvariantCulture),
        ["lastPrice"] = Dec(p.MarkPrice),
        ["positionValue"] = Dec((isLong ? p.LongQuantity : p.ShortQuantity) * contractSize * p.MarkPrice),
        ["flp"] = "0",
        ["margin"] = Dec(isLong ? p.LongMargin : p.ShortMargin),
        ["marginRate"] = "0",
        ["unrealizedPnL"] = Dec(isLong ? p.LongUnrealisedPnl : p.ShortUnrealisedPnl),
        ["profitRate"] = "0",
        ["realizedPnL"] = Dec(p.RealisedPnl),
        ["minMargin"] = "0",
    };

    /// <summary>One row of <c>account/trades</c> (spot) or <c>futures/userTrades</c>.</summary>
    public static JsonObject TradeRow(ToobitTrade t) => new()
    {
        ["id"] = Id(t.Id),
        ["tradeId"] = Id(t.Id),
        ["symbol"] = t.Symbol,
        ["symbolName"] = t.Symbol,
        ["orderId"] = Id(t.OrderId),
        ["matchOrderId"] = Id(t.MatchOrderId),
        ["price"] = Dec(t.Price),
        ["qty"] = Dec(t.Quantity),
        ["commission"] = Dec(t.Commission),
        ["commissionAsset"] = t.CommissionAsset,
        ["time"] = Ms(t.Time),
        ["isBuyer"] = t.IsBuyer,
        ["isMaker"] = t.IsMaker,
        ["side"] = t.Side,
        ["realizedPnl"] = Dec(t.RealisedPnl),
        ["fee"] = new JsonObject { ["feeCoinId"] = t.CommissionAsset, ["feeCoinName"] = t.CommissionAsset, ["fee"] = Dec(t.Commission) },
        ["feeCoinId"] = t.CommissionAsset,
        ["feeAmount"] = Dec(t.Commission),
        ["makerRebate"] = "0",
    };
}
