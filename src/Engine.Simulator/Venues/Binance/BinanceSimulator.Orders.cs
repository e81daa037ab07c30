using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;

namespace Engine.Simulator.Venues.Binance;

/// <summary><c>order.cancel</c>, <c>openOrders.cancelAll</c>, <c>order.status</c>, <c>openOrders.status</c> and <c>account.status</c> (§5.2–§5.6). Called under the lock.</summary>
public sealed partial class BinanceSimulator
{
    private BinanceOutcome CancelOne(BinanceRequest request)
    {
        var account = Authenticate(request);
        var symbol = Symbol(request);
        var restriction = request.String("cancelRestrictions");
        if (restriction is not (null or "ONLY_NEW" or "ONLY_PARTIALLY_FILLED"))
        {
            throw new BinanceRequestException(400, -1145, "Invalid cancelRestrictions");
        }

        var order = Find(request, account, symbol);
        if (order is null || !order.IsOpen)
        {
            throw new BinanceRequestException(400, -2011, "Unknown order sent.");
        }

        if ((restriction == "ONLY_NEW" && order.Status != "NEW") || (restriction == "ONLY_PARTIALLY_FILLED" && order.Status != "PARTIALLY_FILLED"))
        {
            throw new BinanceRequestException(400, -2011, "Order was not canceled due to cancel restrictions.");
        }

        var pushes = Cancel(order, request.String("newClientOrderId") ?? NewClientId(), request.Now);
        return new BinanceOutcome(BinanceOrderJson.Cancel(order, request.Session.Time(request.Now)), pushes, []);
    }

    private BinanceOutcome CancelAll(BinanceRequest request)
    {
        var account = Authenticate(request);
        var symbol = Symbol(request);
        var open = orders.Values.Where(o => o.AccountId == account.Id && o.Symbol == symbol && o.IsOpen).OrderBy(o => o.OrderId).ToList();
        if (open.Count == 0)
        {
            throw new BinanceRequestException(400, -2011, "Unknown order sent.");
        }

        var pushes = new List<Push>();
        var results = new JsonArray();
        foreach (var order in open)
        {
            pushes.AddRange(Cancel(order, NewClientId(), request.Now));
            results.Add(BinanceOrderJson.Cancel(order, request.Session.Time(request.Now)));
        }

        return new BinanceOutcome(results, pushes, []);
    }

    private BinanceOutcome OrderStatus(BinanceRequest request)
    {
        var account = Authenticate(request);
        var order = Find(request, account, Symbol(request)) ?? throw new BinanceRequestException(400, -2013, "Order does not exist.");
        return new BinanceOutcome(BinanceOrderJson.Status(order, request.Session.Time));
    }

    private BinanceOutcome OpenOrders(BinanceRequest request)
    {
        var account = Authenticate(request);
        var symbol = request.Has("symbol") ? Symbol(request) : null;
        var list = new JsonArray();
        foreach (var order in orders.Values.Where(o => o.AccountId == account.Id && o.IsOpen && (symbol is null || o.Symbol == symbol)).OrderBy(o => o.OrderId))
        {
            list.Add(BinanceOrderJson.Status(order, request.Session.Time));
        }

        return new BinanceOutcome(list);
    }

    private BinanceOutcome AccountStatus(BinanceRequest request)
    {
        var account = Authenticate(request);
        var omitZero = request.Bool("omitZeroBalances") ?? false;
        var balances = new JsonArray();
        foreach (var (asset, b) in account.Spot.Balances)
        {
            if (!omitZero || b.Total != 0m)
            {
                balances.Add(new JsonObject { ["asset"] = asset, ["free"] = BinanceJson.Dec(b.Free), ["locked"] = BinanceJson.Dec(b.Locked) });
            }
        }

        var maker = engine.Fees.MakerRate;
        var taker = engine.Fees.TakerRate;
        return new BinanceOutcome(new JsonObject
        {
            ["makerCommission"] = (long)(maker * 10_000m),
            ["takerCommission"] = (long)(taker * 10_000m),
            ["buyerCommission"] = 0,
            ["sellerCommission"] = 0,
            ["canTrade"] = true,
            ["canWithdraw"] = true,
            ["canDeposit"] = true,
            ["commissionRates"] = new JsonObject { ["maker"] = BinanceJson.Dec(maker), ["taker"] = BinanceJson.Dec(taker), ["buyer"] = BinanceJson.Dec(0m), ["seller"] = BinanceJson.Dec(0m) },
            ["brokered"] = false,
            ["requireSelfTradePrevention"] = false,
            ["preventSor"] = false,
            ["updateTime"] = request.Session.Time(request.Now),
            ["accountType"] = "SPOT",
            ["balances"] = balances,
            ["permissions"] = new JsonArray("SPOT"),
            ["uid"] = Math.Abs((long)StableHash(account.Id)),
        });
    }

    private string Symbol(BinanceRequest request)
    {
        var symbol = request.RequiredString("symbol");
        return engine.Rules(symbol) is null ? throw new BinanceRequestException(400, -1121, "Invalid symbol.") : symbol;
    }

    /// <summary>
    /// By <c>orderId</c> (then checked against <c>origClientOrderId</c> if both are sent), else by client id, open
    /// orders first. A canceled order is also found by the client id it had before the cancel renamed it, so
    /// that recovery by client id works after a cancel.
    /// </summary>
    private BinanceOrder? Find(BinanceRequest request, SimAccount account, string symbol)
    {
        var orderId = request.Long("orderId");
        var clientId = request.String("origClientOrderId");
        if (orderId is null && clientId is null)
        {
            throw new BinanceRequestException(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }

        if (orderId is { } id)
        {
            return orders.TryGetValue(id, out var byId) && byId.AccountId == account.Id && byId.Symbol == symbol && (clientId is null || clientId == byId.ClientOrderId)
                ? byId
                : null;
        }

        return orders.Values
            .Where(o => o.AccountId == account.Id && o.Symbol == symbol && (o.ClientOrderId == clientId || o.OrigClientOrderId == clientId))
            .OrderByDescending(o => o.IsOpen)
            .ThenByDescending(o => o.ClientOrderId == clientId)
            .ThenByDescending(o => o.OrderId)
            .FirstOrDefault();
    }

    private List<Push> Cancel(BinanceOrder order, string cancelClientId, DateTimeOffset now)
    {
        order.CancelClientOrderId = cancelClientId;
        var pushes = Apply(engine.Cancel(order.AccountId, order.EngineOrderId, now), now);
        order.CancelClientOrderId = null;
        return pushes;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & int.MaxValue;
    }
}
