using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Method table, weights (§5) and the public methods <c>ping</c>, <c>time</c> and <c>exchangeInfo</c> (also served by REST).</summary>
public sealed partial class BinanceSimulator
{
    private static int Weight(BinanceRequest request) => request.Method switch
    {
        "exchangeInfo" or "account.status" => 20,
        "depth" => DepthWeight(request),
        "trades.recent" => 25,
        "ticker.book" or "ticker.price" => request.Has("symbol") ? 2 : 4,
        "ticker.24hr" => DayTickerWeight(request.Has("symbol"), WantedSymbols(request).Count),
        "order.status" => 4,
        "openOrders.status" => request.Has("symbol") ? 6 : 80,
        "session.logon" or "session.status" or "session.logout" => 2,
        "userDataStream.subscribe" or "userDataStream.subscribe.signature" or "userDataStream.unsubscribe" or "session.subscriptions" => 2,
        _ => 1,
    };

    private BinanceOutcome Dispatch(BinanceRequest request) => request.Method switch
    {
        "ping" => new BinanceOutcome(new JsonObject()),
        "time" => new BinanceOutcome(new JsonObject { ["serverTime"] = request.Session.Time(request.Now) }),
        "exchangeInfo" => new BinanceOutcome(ExchangeInfo(WantedSymbols(request), request.Session.Time(request.Now))),
        "depth" => DepthMethod(request),
        "trades.recent" => RecentTradesMethod(request),
        "ticker.book" => BookTickerMethod(request),
        "ticker.price" => PriceTickerMethod(request),
        "ticker.24hr" => DayTickerMethod(request),
        "session.logon" => SessionLogon(request),
        "session.status" => new BinanceOutcome(SessionStatus(request.Session, request.Now)),
        "session.logout" => SessionLogout(request),
        "userDataStream.subscribe" => Subscribe(request, request.Session.LoggedOn ?? throw BinanceRequestException.InvalidKey(), viaLogon: true),
        "userDataStream.subscribe.signature" => Subscribe(request, Authenticate(request, requireSignature: true), viaLogon: false),
        "userDataStream.unsubscribe" => Unsubscribe(request),
        "session.subscriptions" => Subscriptions(request),
        "order.place" => Place(request),
        "order.cancel" => CancelOne(request),
        "openOrders.cancelAll" => CancelAll(request),
        "order.status" => OrderStatus(request),
        "openOrders.status" => OpenOrders(request),
        "account.status" => AccountStatus(request),
        _ => throw new BinanceRequestException(400, -1000, $"Unknown method '{request.Method}'."),
    };

    /// <summary>The symbols a WebSocket API <c>exchangeInfo</c> asks for: <c>symbol</c> and/or <c>symbols</c>; empty = all.</summary>
    private static HashSet<string> WantedSymbols(BinanceRequest request)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (request.String("symbol") is { } one)
        {
            wanted.Add(one);
        }

        if (request.Params.TryGetProperty("symbols", out var many) && many.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var s in many.EnumerateArray())
            {
                wanted.Add(s.GetString() ?? string.Empty);
            }
        }

        return wanted;
    }

    /// <summary>
    /// <c>exchangeInfo</c> of the WebSocket API and of REST <c>GET /api/v3/exchangeInfo</c>: the symbols in
    /// <paramref name="wanted"/> (all when empty; -1121 for one this venue does not list) with <paramref name="serverTime"/>.
    /// </summary>
    private JsonObject ExchangeInfo(HashSet<string> wanted, long serverTime)
    {
        var unknown = wanted.FirstOrDefault(w => engine.Rules(w) is null);
        if (unknown is not null)
        {
            throw new BinanceRequestException(400, -1121, "Invalid symbol.");
        }

        var symbols = new JsonArray();
        foreach (var rules in BinanceSymbols.Rules.Where(r => wanted.Count == 0 || wanted.Contains(r.Symbol)))
        {
            symbols.Add(new JsonObject
            {
                ["symbol"] = rules.Symbol,
                ["status"] = "TRADING",
                ["baseAsset"] = rules.BaseAsset,
                ["baseAssetPrecision"] = 8,
                ["quoteAsset"] = rules.QuoteAsset,
                ["quotePrecision"] = 8,
                ["quoteAssetPrecision"] = 8,
                ["baseCommissionPrecision"] = 8,
                ["quoteCommissionPrecision"] = 8,
                ["orderTypes"] = new JsonArray("LIMIT", "LIMIT_MAKER", "MARKET"),
                ["icebergAllowed"] = false,
                ["ocoAllowed"] = false,
                ["otoAllowed"] = false,
                ["quoteOrderQtyMarketAllowed"] = true,
                ["allowTrailingStop"] = false,
                ["cancelReplaceAllowed"] = false,
                ["amendAllowed"] = false,
                ["isSpotTradingAllowed"] = true,
                ["isMarginTradingAllowed"] = false,
                ["filters"] = new JsonArray(
                    new JsonObject { ["filterType"] = "PRICE_FILTER", ["minPrice"] = BinanceJson.Dec(rules.PriceTick), ["maxPrice"] = BinanceJson.Dec(BinanceSymbols.MaxPrice), ["tickSize"] = BinanceJson.Dec(rules.PriceTick) },
                    new JsonObject { ["filterType"] = "LOT_SIZE", ["minQty"] = BinanceJson.Dec(rules.MinSize), ["maxQty"] = BinanceJson.Dec(BinanceSymbols.MaxQty), ["stepSize"] = BinanceJson.Dec(rules.SizeTick) },
                    new JsonObject { ["filterType"] = "MIN_NOTIONAL", ["minNotional"] = BinanceJson.Dec(rules.MinNotional), ["applyToMarket"] = true, ["avgPriceMins"] = 5 },
                    new JsonObject { ["filterType"] = "NOTIONAL", ["minNotional"] = BinanceJson.Dec(rules.MinNotional), ["applyMinToMarket"] = true, ["maxNotional"] = BinanceJson.Dec(9_000_000m), ["applyMaxToMarket"] = false, ["avgPriceMins"] = 5 }),
                ["permissions"] = new JsonArray(),
                ["permissionSets"] = new JsonArray(new JsonArray("SPOT")),
                ["defaultSelfTradePreventionMode"] = "EXPIRE_MAKER",
                ["allowedSelfTradePreventionModes"] = new JsonArray("EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"),
            });
        }

        var limits = limiter.Limits;
        return new JsonObject
        {
            ["timezone"] = "UTC",
            ["serverTime"] = serverTime,
            ["rateLimits"] = new JsonArray(
                RateLimit("REQUEST_WEIGHT", "MINUTE", 1, limits.WeightPerMinute),
                RateLimit("ORDERS", "SECOND", 10, limits.OrdersPerTenSeconds),
                RateLimit("ORDERS", "DAY", 1, limits.OrdersPerDay),
                RateLimit("CONNECTIONS", "MINUTE", 5, limits.ConnectionsPerFiveMinutes)),
            ["exchangeFilters"] = new JsonArray(),
            ["symbols"] = symbols,
        };
    }

    private static JsonObject RateLimit(string type, string interval, int intervalNum, int limit) => new()
    {
        ["rateLimitType"] = type,
        ["interval"] = interval,
        ["intervalNum"] = intervalNum,
        ["limit"] = limit,
    };
}
