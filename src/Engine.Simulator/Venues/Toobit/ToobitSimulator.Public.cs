using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>The route table, the public endpoints (§2) and the listen keys (§8.1).</summary>
public sealed partial class ToobitSimulator
{
    private Dictionary<string, ToobitRoute> BuildRoutes()
    {
        var table = new Dictionary<string, ToobitRoute>(StringComparer.Ordinal);
        void Add(string method, string path, ToobitSecurity security, int weight, ToobitHandler handler, bool isOrder = false) =>
            table[method + " " + path] = new ToobitRoute(method + " " + path, security, weight, isOrder, handler);

        const ToobitSecurity open = ToobitSecurity.None;
        const ToobitSecurity signed = ToobitSecurity.Signed;
        const ToobitSecurity stream = ToobitSecurity.UserStream;
        Add("GET", "/api/v1/ping", open, 1, (_, _, _) => ToobitReply.Of(new JsonObject()));
        Add("GET", "/api/v1/time", open, 1, (_, _, now) => ToobitReply.Of(new JsonObject { ["serverTime"] = now.ToUnixTimeMilliseconds() }));
        Add("GET", "/api/v1/exchangeInfo", open, 1, (_, _, now) => ToobitReply.Of(ExchangeInfo(now)));
        Add("GET", "/quote/v1/depth", open, 1, Depth);
        Add("GET", "/quote/v1/trades", open, 1, RecentTrades);
        Add("GET", "/quote/v1/ticker/price", open, 1, TickerPrice);
        Add("GET", "/quote/v1/contract/ticker/price", open, 1, TickerPrice);
        Add("GET", "/quote/v1/ticker/bookTicker", open, 1, BookTicker);
        Add("GET", "/quote/v1/contract/ticker/bookTicker", open, 1, BookTicker);
        Add("GET", "/quote/v1/markPrice", open, 1, MarkPrice);

        Add("POST", "/api/v1/spot/orderTest", signed, 1, (r, a, now) => { ParseSpot(r, a!); return ToobitReply.Of(new JsonObject()); });
        Add("POST", "/api/v1/spot/order", signed, 1, PlaceSpot, isOrder: true);
        Add("POST", "/api/v1/spot/batchOrders", signed, 2, BatchSpot, isOrder: true);
        Add("DELETE", "/api/v1/spot/order", signed, 1, CancelOne);
        Add("DELETE", "/api/v1/spot/openOrders", signed, 5, CancelAllSpot);
        Add("DELETE", "/api/v1/spot/cancelOrderByIds", signed, 5, (r, a, now) => CancelByIds(r, a!, now, futures: false));
        Add("GET", "/api/v1/spot/order", signed, 1, QueryOne);
        Add("GET", "/api/v1/spot/openOrders", signed, 1, (r, a, _) => ListOrders(r, a!, futures: false, openOnly: true, defaultLimit: 500));
        Add("GET", "/api/v1/spot/tradeOrders", signed, 5, (r, a, _) => ListOrders(r, a!, futures: false, openOnly: false, defaultLimit: 500));
        Add("GET", "/api/v1/account", signed, 5, (_, a, _) => ToobitReply.Of(SpotBalances(a!)));
        Add("GET", "/api/v1/account/trades", signed, 5, (r, a, _) => ListTrades(r, a!, futures: false, defaultLimit: 500));
        Add("GET", "/api/v1/account/checkApiKey", signed, 1, (_, _, _) => ToobitReply.Of(new JsonObject { ["accountType"] = "master" }));

        Add("POST", "/api/v1/futures/order", signed, 1, PlaceFutures, isOrder: true);
        Add("GET", "/api/v1/futures/order", signed, 1, QueryOne);
        Add("DELETE", "/api/v1/futures/order", signed, 1, CancelOne);
        Add("DELETE", "/api/v1/futures/batchOrders", signed, 5, CancelAllFutures);
        Add("DELETE", "/api/v1/futures/cancelOrderByIds", signed, 5, (r, a, now) => CancelByIds(r, a!, now, futures: true));
        Add("GET", "/api/v1/futures/openOrders", signed, 1, (r, a, _) => ListOrders(r, a!, futures: true, openOnly: true, defaultLimit: 20));
        Add("GET", "/api/v1/futures/historyOrders", signed, 5, (r, a, _) => ListOrders(r, a!, futures: true, openOnly: false, defaultLimit: 20));
        Add("GET", "/api/v1/futures/positions", signed, 5, Positions);
        Add("GET", "/api/v1/futures/balance", signed, 5, (_, a, _) => ToobitReply.Of(FuturesBalances(a!)));
        Add("GET", "/api/v1/futures/userTrades", signed, 5, (r, a, _) => ListTrades(r, a!, futures: true, defaultLimit: 20));
        Add("POST", "/api/v1/futures/leverage", signed, 1, SetLeverage);
        Add("GET", "/api/v1/futures/accountLeverage", signed, 1, AccountLeverage);
        Add("POST", "/api/v1/futures/marginType", signed, 1, MarginType);

        foreach (var path in new[] { "/api/v1/userDataStream", "/api/v1/listenKey" })
        {
            Add("POST", path, stream, 1, (_, a, now) => ToobitReply.Of(new JsonObject { ["listenKey"] = listenKeys.Open(a!.Id, now) }));
            Add("PUT", path, stream, 1, ExtendListenKey);
            Add("DELETE", path, stream, 1, DeleteListenKey);
        }

        return table;
    }

    private ToobitReply ExtendListenKey(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var key = request.Get("listenKey") ?? throw ToobitException.Missing("listenKey");
        return listenKeys.Extend(key, account!.Id, now) ? ToobitReply.Of(new JsonObject()) : throw ToobitException.Bad(-1125, "This listenKey does not exist.");
    }

    private ToobitReply DeleteListenKey(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var key = request.Get("listenKey") ?? throw ToobitException.Missing("listenKey");
        if (!listenKeys.Remove(key, account!.Id))
        {
            throw ToobitException.Bad(-1125, "This listenKey does not exist.");
        }

        foreach (var session in streams.Open().Where(s => s.ListenKey == key))
        {
            session.Close();
        }

        return ToobitReply.Of(new JsonObject());
    }

    private JsonObject ExchangeInfo(DateTimeOffset now)
    {
        var spot = new JsonArray();
        var contracts = new JsonArray();
        foreach (var rules in engine.Symbols.OrderBy(s => s.Symbol, StringComparer.Ordinal))
        {
            var filters = new JsonArray
            {
                new JsonObject { ["minPrice"] = ToobitJson.Dec(rules.PriceTick), ["maxPrice"] = ToobitJson.Dec(ToobitSymbols.MaxPrice), ["tickSize"] = ToobitJson.Dec(rules.PriceTick), ["filterType"] = "PRICE_FILTER" },
                new JsonObject { ["minQty"] = ToobitJson.Dec(rules.MinSize), ["maxQty"] = ToobitJson.Dec(ToobitSymbols.MaxQty), ["stepSize"] = ToobitJson.Dec(rules.SizeTick), ["filterType"] = "LOT_SIZE" },
                new JsonObject { ["minNotional"] = ToobitJson.Dec(rules.MinNotional), ["filterType"] = "MIN_NOTIONAL" },
                new JsonObject { ["minAmount"] = ToobitJson.Dec(rules.MinNotional), ["maxAmount"] = "10000000", ["minBuyPrice"] = "0", ["filterType"] = "TRADE_AMOUNT" },
                new JsonObject { ["buyPriceUpRate"] = "0.1", ["sellPriceDownRate"] = "0.1", ["filterType"] = "MARKET_TRADING" },
            };
            var entry = new JsonObject
            {
                ["symbol"] = rules.Symbol,
                ["symbolName"] = rules.Symbol,
                ["status"] = "TRADING",
                ["baseAsset"] = rules.BaseAsset,
                ["baseAssetName"] = rules.BaseAsset,
                ["baseAssetPrecision"] = ToobitJson.Dec(rules.SizeTick),
                ["quoteAsset"] = rules.QuoteAsset,
                ["quoteAssetName"] = rules.QuoteAsset,
                ["icebergAllowed"] = false,
                ["isAggregate"] = false,
                ["allowMargin"] = rules.IsFutures,
                ["filters"] = filters,
            };
            if (rules.IsFutures)
            {
                entry["quoteAssetPrecision"] = ToobitJson.Dec(rules.PriceTick);
                entry["contractMultiplier"] = ToobitJson.Dec(rules.ContractSize);
                entry["marginToken"] = rules.SettleAsset;
                entry["underlying"] = rules.BaseAsset;
                entry["inverse"] = false;
                entry["index"] = rules.BaseAsset + rules.QuoteAsset;
                entry["riskLimits"] = new JsonArray { new JsonObject { ["riskLimitId"] = "1", ["quantity"] = "1000000", ["initialMargin"] = "0.1", ["maintMargin"] = "0.005" } };
                contracts.Add(entry);
            }
            else
            {
                entry["quotePrecision"] = ToobitJson.Dec(rules.PriceTick);
                spot.Add(entry);
            }
        }

        var coins = new JsonArray();
        foreach (var asset in engine.Symbols.SelectMany(s => new[] { s.BaseAsset, s.QuoteAsset }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            coins.Add(new JsonObject { ["coinId"] = asset, ["coinName"] = asset, ["coinFullName"] = asset, ["allowWithdraw"] = true, ["allowDeposit"] = true });
        }

        return new JsonObject
        {
            ["timezone"] = "UTC",
            ["serverTime"] = ToobitJson.Ms(now),
            ["brokerFilters"] = new JsonArray(),
            ["symbols"] = spot,
            ["options"] = new JsonArray(),
            ["contracts"] = contracts,
            ["coins"] = coins,
            ["rateLimits"] = new JsonArray
            {
                new JsonObject { ["rateLimitType"] = "REQUEST_WEIGHT", ["interval"] = "MINUTE", ["intervalUnit"] = 1, ["limit"] = venue.RequestWeightPerMinute },
                new JsonObject { ["rateLimitType"] = "ORDERS", ["interval"] = "SECOND", ["intervalUnit"] = venue.OrderIntervalSeconds, ["limit"] = venue.OrdersPerInterval },
            },
        };
    }

    private MarketQuote? RequireQuote(ToobitRequest request)
    {
        var symbol = request.Get("symbol") ?? throw ToobitException.Missing("symbol");
        return market.Quote(symbol) ?? throw ToobitException.Bad(-1121, "Invalid symbol.");
    }

    private ToobitReply Depth(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var quote = RequireQuote(request)!;
        var limit = (int)Math.Clamp(Long(request, "limit") ?? 100, 1, 200);
        static JsonArray Levels(IEnumerable<PriceLevel> levels, int limit) =>
            new([.. levels.Take(limit).Select(l => (JsonNode)new JsonArray(ToobitJson.Dec(l.Price), ToobitJson.Dec(l.Quantity)))]);
        return ToobitReply.Of(new JsonObject { ["t"] = now.ToUnixTimeMilliseconds(), ["b"] = Levels(quote.Bids, limit), ["a"] = Levels(quote.Asks, limit) });
    }

    private IEnumerable<MarketQuote> Quotes(ToobitRequest request) =>
        request.Get("symbol") is not null ? [RequireQuote(request)!] : market.Symbols.Select(s => market.Quote(s)!);

    private ToobitReply TickerPrice(ToobitRequest request, SimAccount? account, DateTimeOffset now) =>
        ToobitReply.Of(new JsonArray([.. Quotes(request).Select(q => (JsonNode)new JsonObject { ["s"] = q.Symbol, ["p"] = ToobitJson.Dec(q.Mid) })]));

    private ToobitReply BookTicker(ToobitRequest request, SimAccount? account, DateTimeOffset now) =>
        ToobitReply.Of(new JsonArray([.. Quotes(request).Select(q => (JsonNode)new JsonObject
        {
            ["s"] = q.Symbol,
            ["b"] = ToobitJson.Dec(q.Bids[0].Price),
            ["bq"] = ToobitJson.Dec(q.Bids[0].Quantity),
            ["a"] = ToobitJson.Dec(q.Asks[0].Price),
            ["aq"] = ToobitJson.Dec(q.Asks[0].Quantity),
            ["t"] = now.ToUnixTimeMilliseconds(),
        })]));

    private ToobitReply RecentTrades(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var symbol = RequireQuote(request)!.Symbol;
        var limit = (int)Math.Clamp(Long(request, "limit") ?? 100, 1, 1000);
        return ToobitReply.Of(new JsonArray([.. trades.Where(t => t.Symbol == symbol && !t.IsMaker).TakeLast(limit).Select(t => (JsonNode)new JsonObject
        {
            ["t"] = t.Time.ToUnixTimeMilliseconds(),
            ["p"] = ToobitJson.Dec(t.Price),
            ["q"] = ToobitJson.Dec(t.Quantity),
            ["ibm"] = !t.IsBuyer,
        })]));
    }

    private ToobitReply MarkPrice(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var quote = RequireQuote(request)!;
        return ToobitReply.Of(new JsonObject { ["exchangeId"] = "301", ["symbolId"] = quote.Symbol, ["price"] = ToobitJson.Dec(quote.Mid), ["time"] = now.ToUnixTimeMilliseconds() });
    }
}
