using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>Cancels, order queries, balances, positions, trades and leverage (§3, §4).</summary>
public sealed partial class ToobitSimulator
{
    private static bool IsFuturesPath(ToobitRequest request) => request.Path.StartsWith("/api/v1/futures/", StringComparison.Ordinal);

    /// <summary>The account's order named by <c>orderId</c>, <c>origClientOrderId</c> or <c>clientOrderId</c> (both names accepted, §10.9).</summary>
    private ToobitOrder FindOrder(ToobitRequest request, SimAccount account, bool futures)
    {
        var byId = Long(request, "orderId");
        var clientId = request.Get("origClientOrderId") ?? request.Get("clientOrderId");
        if (byId is null && clientId is null)
        {
            throw ToobitException.Missing("orderId or origClientOrderId");
        }

        var found = byId is { } id
            ? orders.GetValueOrDefault(id)
            : orders.Values.Where(o => o.AccountId == account.Id && o.ClientOrderId == clientId).MaxBy(o => o.OrderId);
        return found is not null && found.AccountId == account.Id && found.Futures == futures ? found : throw ToobitException.UnknownOrder();
    }

    private ToobitReply QueryOne(ToobitRequest request, SimAccount? account, DateTimeOffset now) =>
        ToobitReply.Of(ToobitJson.Order(FindOrder(request, account!, IsFuturesPath(request))));

    private ToobitReply CancelOne(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var order = FindOrder(request, account!, IsFuturesPath(request));
        if (!order.IsOpen)
        {
            throw order.Status == "FILLED" ? ToobitException.Bad(-1139, "Order has been filled.") : ToobitException.Bad(-1142, "Order has been canceled.");
        }

        // Live answers carry the state read before the cancel completed (§9.2); the stream reports CANCELED.
        var before = ToobitJson.Order(order);
        var pushes = Render(engine.Cancel(account!.Id, ToobitJson.Id(order.OrderId), now), now);
        return new ToobitReply(before, pushes);
    }

    private List<ToobitPush> CancelWhere(SimAccount account, Func<ToobitOrder, bool> which, DateTimeOffset now)
    {
        var pushes = new List<ToobitPush>();
        foreach (var order in orders.Values.Where(o => o.AccountId == account.Id && o.IsOpen && which(o)).OrderBy(o => o.OrderId).ToList())
        {
            pushes.AddRange(Render(engine.Cancel(account.Id, ToobitJson.Id(order.OrderId), now), now));
        }

        return pushes;
    }

    private ToobitReply CancelAllSpot(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var symbol = request.Get("symbol");
        var side = request.Get("side");
        var pushes = CancelWhere(account!, o => !o.Futures && (symbol is null || o.Symbol == symbol) && (side is null || o.Side == side), now);
        return new ToobitReply(new JsonObject { ["success"] = true }, pushes);
    }

    private ToobitReply CancelAllFutures(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var symbol = request.Get("symbol") ?? throw ToobitException.Missing("symbol");
        var side = request.Get("side");
        var pushes = CancelWhere(account!, o => o.Futures && o.Symbol == symbol && (side is null || o.Side == side), now);
        return new ToobitReply(new JsonObject { ["code"] = "200", ["message"] = "success", ["timestamp"] = now.ToUnixTimeMilliseconds() }, pushes);
    }

    private ToobitReply CancelByIds(ToobitRequest request, SimAccount account, DateTimeOffset now, bool futures)
    {
        var ids = (request.Get("ids") ?? throw ToobitException.Missing("ids")).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 100)
        {
            throw ToobitException.Bad(-1130, "At most 100 ids per request.");
        }

        var failed = new JsonArray();
        var pushes = new List<ToobitPush>();
        foreach (var text in ids)
        {
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && orders.TryGetValue(id, out var order) && order.AccountId == account.Id && order.Futures == futures && order.IsOpen)
            {
                pushes.AddRange(Render(engine.Cancel(account.Id, text, now), now));
            }
            else
            {
                failed.Add(new JsonObject { ["orderId"] = text, ["code"] = "-2013" });
            }
        }

        return new ToobitReply(new JsonObject { ["code"] = futures ? "200" : "0", ["result"] = failed }, pushes);
    }

    private ToobitReply ListOrders(ToobitRequest request, SimAccount account, bool futures, bool openOnly, int defaultLimit)
    {
        var symbol = request.Get("symbol");
        var below = Long(request, "orderId");
        var limit = (int)Math.Clamp(Long(request, "limit") ?? defaultLimit, 1, 1000);
        var start = Long(request, "startTime");
        var end = Long(request, "endTime");
        var list = orders.Values
            .Where(o => o.AccountId == account.Id && o.Futures == futures && (!openOnly || o.IsOpen) && (symbol is null || o.Symbol == symbol))
            .Where(o => (below is null || o.OrderId < below) && (start is null || o.CreatedAt.ToUnixTimeMilliseconds() >= start) && (end is null || o.CreatedAt.ToUnixTimeMilliseconds() <= end))
            .OrderByDescending(o => o.OrderId)
            .Take(limit);
        return ToobitReply.Of(new JsonArray([.. list.Select(o => (JsonNode)ToobitJson.Order(o))]));
    }

    private ToobitReply ListTrades(ToobitRequest request, SimAccount account, bool futures, int defaultLimit)
    {
        var symbol = request.Get("symbol");
        var fromId = Long(request, "fromId");
        var toId = Long(request, "toId");
        var start = Long(request, "startTime");
        var end = Long(request, "endTime");
        var limit = (int)Math.Clamp(Long(request, "limit") ?? defaultLimit, 1, 1000);
        var list = trades
            .Where(t => t.AccountId == account.Id && t.Futures == futures && (symbol is null || t.Symbol == symbol))
            .Where(t => (fromId is null || t.Id >= fromId) && (toId is null || t.Id <= toId))
            .Where(t => (start is null || t.Time.ToUnixTimeMilliseconds() >= start) && (end is null || t.Time.ToUnixTimeMilliseconds() <= end))
            .OrderByDescending(t => t.Id)
            .Take(limit);
        return ToobitReply.Of(new JsonArray([.. list.Select(t => (JsonNode)ToobitJson.TradeRow(t))]));
    }

    private static JsonObject SpotBalances(SimAccount account)
    {
        var balances = new JsonArray();
        foreach (var (asset, balance) in account.Spot.Balances)
        {
            balances.Add(new JsonObject
            {
                ["asset"] = asset,
                ["assetId"] = asset,
                ["assetName"] = asset,
                ["total"] = ToobitJson.Dec(balance.Total),
                ["free"] = ToobitJson.Dec(balance.Free),
                ["locked"] = ToobitJson.Dec(balance.Locked),
            });
        }

        return new JsonObject { ["balances"] = balances, ["userId"] = account.Id };
    }

    private JsonArray FuturesBalances(SimAccount account)
    {
        var rows = new JsonArray();
        foreach (var (asset, balance) in account.Futures.Balances)
        {
            var positions = engine.Symbols.Where(s => s.IsFutures && s.SettleAsset == asset).Select(s => engine.Position(account.Id, s.Symbol, market.Mid(s.Symbol) ?? 0m)).ToList();
            var margin = positions.Sum(p => p.LongMargin + p.ShortMargin);
            rows.Add(new JsonObject
            {
                ["asset"] = asset,
                ["balance"] = ToobitJson.Dec(balance.Total + margin),
                ["availableBalance"] = ToobitJson.Dec(balance.Free),
                ["positionMargin"] = ToobitJson.Dec(margin),
                ["orderMargin"] = ToobitJson.Dec(balance.Locked),
                ["crossUnRealizedPnl"] = ToobitJson.Dec(positions.Sum(p => p.LongUnrealisedPnl + p.ShortUnrealisedPnl)),
            });
        }

        return rows;
    }

    private ToobitReply Positions(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var symbol = request.Get("symbol");
        var side = request.Get("side");
        var rows = new JsonArray();
        foreach (var rules in engine.Symbols.Where(s => s.IsFutures && (symbol is null || s.Symbol == symbol)).OrderBy(s => s.Symbol, StringComparer.Ordinal))
        {
            var view = engine.Position(account!.Id, rules.Symbol, market.Mid(rules.Symbol) ?? 0m);
            var lev = LeverageOf(account.Id, rules.Symbol);
            if (view.LongQuantity > 0m && side is null or "LONG")
            {
                rows.Add(ToobitJson.PositionRow(view, true, lev, rules.ContractSize));
            }

            if (view.ShortQuantity > 0m && side is null or "SHORT")
            {
                rows.Add(ToobitJson.PositionRow(view, false, lev, rules.ContractSize));
            }
        }

        return ToobitReply.Of(rows);
    }

    private ToobitReply SetLeverage(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var rules = SymbolOf(new FieldSource(request.Parameters), futures: true);
        var value = Long(request, "leverage") ?? throw ToobitException.Missing("leverage");
        if (value is < 1 or > 100)
        {
            throw ToobitException.Bad(-3125, string.Create(CultureInfo.InvariantCulture, $"Leverage {value} is out of range; expected 1 to 100."));
        }

        leverage[(account!.Id, rules.Symbol)] = (int)value;
        return ToobitReply.Of(new JsonObject { ["code"] = "200", ["symbolId"] = rules.Symbol, ["leverage"] = ToobitJson.Id(value) });
    }

    private ToobitReply AccountLeverage(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var symbol = request.Get("symbol");
        return ToobitReply.Of(new JsonArray([.. engine.Symbols.Where(s => s.IsFutures && (symbol is null || s.Symbol == symbol)).OrderBy(s => s.Symbol, StringComparer.Ordinal)
            .Select(s => (JsonNode)new JsonObject { ["symbolId"] = s.Symbol, ["leverage"] = ToobitJson.Id(LeverageOf(account!.Id, s.Symbol)), ["marginType"] = "CROSS" })]));
    }

    private ToobitReply MarginType(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var rules = SymbolOf(new FieldSource(request.Parameters), futures: true);
        var type = request.Get("marginType") ?? throw ToobitException.Missing("marginType");
        return type switch
        {
            "CROSS" => ToobitReply.Of(new JsonObject { ["code"] = "200", ["symbolId"] = rules.Symbol, ["marginType"] = type }),
            "ISOLATED" => throw ToobitException.Bad(-3128, "Isolated margin is not simulated; every position is CROSS."),
            _ => throw ToobitException.Invalid("marginType", type),
        };
    }
}
