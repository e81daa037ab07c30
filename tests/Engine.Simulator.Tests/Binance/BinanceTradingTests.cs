using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Tests.Support;

namespace Engine.Simulator.Tests.Binance;

/// <summary>order.place / cancel / status, account.status and the executionReport sequences of §6.4 (mid 50000, best ask 50005.00 with 0.5 BTC).</summary>
public class BinanceTradingTests
{
    private const string BestAsk = "50005.00";

    [Fact]
    public async Task Resting_limit_then_partial_fill_then_cancel_emit_the_suggested_sequence()
    {
        await using var t = await Trader.StartAsync();
        var placed = await t.PlaceAsync(1, Limit("BUY", "40000.00", "0.01000", "resting-1"));
        Assert.Equal("NEW", placed.GetProperty("result").GetProperty("status").GetString());
        Assert.Empty(placed.GetProperty("result").GetProperty("fills").EnumerateArray());
        var resting = await t.Client.EventAsync("executionReport");
        GoldenFrame.AssertShape("execution_report_new_event.json", resting);
        var e = resting.GetProperty("event");
        Assert.Equal(("NEW", "NEW", true, -1L, "0.00000000"), (e.GetProperty("x").GetString(), e.GetProperty("X").GetString(), e.GetProperty("w").GetBoolean(), e.GetProperty("t").GetInt64(), e.GetProperty("l").GetString()));
        Assert.Equal("resting-1", e.GetProperty("c").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("N").ValueKind);
        var position = await t.Client.EventAsync("outboundAccountPosition");
        GoldenFrame.AssertShape("outbound_account_position_event.json", position);
        Assert.Equal(["USDT:99599.80000000:400.20000000"], Balances(position)); // the engine also locks the taker fee of a buy

        var partial = await t.PlaceAsync(2, Limit("BUY", BestAsk, "0.60000", "partial-1"));
        var result = partial.GetProperty("result");
        Assert.Equal(("PARTIALLY_FILLED", "0.50000000", "25002.50000000"), (result.GetProperty("status").GetString(), result.GetProperty("executedQty").GetString(), result.GetProperty("cummulativeQuoteQty").GetString()));
        var fill = result.GetProperty("fills").EnumerateArray().Single();
        Assert.Equal(("50005.00000000", "0.50000000", "USDT"), (fill.GetProperty("price").GetString(), fill.GetProperty("qty").GetString(), fill.GetProperty("commissionAsset").GetString()));
        Assert.Equal("NEW", (await t.Client.EventAsync("executionReport", r => r.GetProperty("c").GetString() == "partial-1")).GetProperty("event").GetProperty("x").GetString());
        var trade = await t.Client.EventAsync("executionReport", r => r.GetProperty("x").GetString() == "TRADE");
        GoldenFrame.AssertShape("execution_report_trade_event.json", trade);
        var te = trade.GetProperty("event");
        Assert.Equal(("PARTIALLY_FILLED", "0.50000000", BestAsk + "000000", false), (te.GetProperty("X").GetString(), te.GetProperty("l").GetString(), te.GetProperty("L").GetString(), te.GetProperty("m").GetBoolean()));
        Assert.Equal(fill.GetProperty("tradeId").GetInt64(), te.GetProperty("t").GetInt64());
        Assert.Equal("12.50125000", te.GetProperty("n").GetString());
        Assert.Equal("25002.50000000", te.GetProperty("Y").GetString());
        await t.Client.EventAsync("outboundAccountPosition");

        var cancel = await t.Client.RequestAsync(3, "order.cancel", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "partial-1", ["newClientOrderId"] = "cancel-1" }));
        GoldenFrame.AssertShape("order_cancel_response.json", cancel);
        var canceled = cancel.GetProperty("result");
        Assert.Equal(("CANCELED", "partial-1", "cancel-1", "0.50000000"), (canceled.GetProperty("status").GetString(), canceled.GetProperty("origClientOrderId").GetString(), canceled.GetProperty("clientOrderId").GetString(), canceled.GetProperty("executedQty").GetString()));
        var report = await t.Client.EventAsync("executionReport", r => r.GetProperty("x").GetString() == "CANCELED");
        GoldenFrame.AssertShape("execution_report_canceled_event.json", report);
        Assert.Equal(("cancel-1", "partial-1", false), (report.GetProperty("event").GetProperty("c").GetString(), report.GetProperty("event").GetProperty("C").GetString(), report.GetProperty("event").GetProperty("w").GetBoolean()));
        await t.Client.EventAsync("outboundAccountPosition");

        var status = await t.Client.RequestAsync(4, "order.status", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT", ["orderId"] = canceled.GetProperty("orderId").GetInt64() }));
        GoldenFrame.AssertShape("order_status_response.json", status);
        var cancelLimits = cancel.GetProperty("rateLimits").EnumerateArray().ToList();
        Assert.Equal("REQUEST_WEIGHT", Assert.Single(cancelLimits).GetProperty("rateLimitType").GetString());
        Assert.Equal(4, status.GetProperty("rateLimits")[0].GetProperty("count").GetInt32() - cancelLimits[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Ioc_and_market_remainders_expire_and_market_orders_take_quote_quantities()
    {
        await using var t = await Trader.StartAsync();
        var ioc = await t.PlaceAsync(1, Limit("BUY", BestAsk, "0.60000", "ioc-1", "IOC"));
        Assert.Equal(("EXPIRED", "UNFILLED_IOC_QUANTITY_EXPIRED"), (ioc.GetProperty("result").GetProperty("status").GetString(), ioc.GetProperty("result").GetProperty("expiryReason").GetString()));
        var expired = await t.Client.EventAsync("executionReport", r => r.GetProperty("x").GetString() == "EXPIRED");
        Assert.Equal("UNFILLED_IOC_QUANTITY_EXPIRED", expired.GetProperty("event").GetProperty("eR").GetString());
        Assert.Equal(["NEW", "TRADE"], t.Client.Pending().Where(f => f.TryGetProperty("event", out var ev) && ev.GetProperty("e").GetString() == "executionReport").Select(f => f.GetProperty("event").GetProperty("x").GetString()));

        var market = await t.PlaceAsync(2, new JsonObject { ["symbol"] = "BTCUSDT", ["side"] = "BUY", ["type"] = "MARKET", ["quoteOrderQty"] = "1000", ["newOrderRespType"] = "RESULT" });
        var result = market.GetProperty("result");
        Assert.Equal(("FILLED", "0.01999000", "1000.00000000"), (result.GetProperty("status").GetString(), result.GetProperty("executedQty").GetString(), result.GetProperty("origQuoteOrderQty").GetString()));
        Assert.False(result.TryGetProperty("fills", out _));

        var sell = await t.PlaceAsync(3, new JsonObject { ["symbol"] = "BTCUSDT", ["side"] = "SELL", ["type"] = "MARKET", ["quantity"] = "0.10000", ["newOrderRespType"] = "ACK" });
        GoldenFrame.AssertShape("order_place_ack_response.json", sell);
    }

    [Theory]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"40000.001\",\"quantity\":\"0.01\"}", -1013, "Filter failure: PRICE_FILTER")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"40000\",\"quantity\":\"0.000001\"}", -1013, "Filter failure: LOT_SIZE")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"40000\",\"quantity\":\"0.00001\"}", -1013, "Filter failure: NOTIONAL")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"49000\",\"quantity\":\"3\"}", -2010, "Account has insufficient balance for requested action.")]
    [InlineData("{\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"2.5\"}", -2010, "Account has insufficient balance for requested action.")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT_MAKER\",\"price\":\"" + BestAsk + "\",\"quantity\":\"0.01\"}", -2010, "Order would immediately match and take.")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"40000\",\"quantity\":\"0.01\"}", -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"MARKET\"}", -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!")]
    [InlineData("{\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"4e4\",\"quantity\":\"0.01\"}", -1100, "Illegal characters found in parameter 'price'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.")]
    [InlineData("{\"side\":\"UP\",\"type\":\"LIMIT\"}", -1117, "Invalid side.")]
    public async Task Rejected_orders_get_the_documented_codes_and_order_rate_limits(string body, int code, string message)
    {
        await using var t = await Trader.StartAsync();
        var parameters = JsonNode.Parse(body)!.AsObject();
        parameters["symbol"] = "BTCUSDT";
        var response = await t.PlaceAsync(1, parameters);
        BinanceProtocolTests.AssertError(response, 400, code, message);
        Assert.Equal(["ORDERS", "ORDERS", "REQUEST_WEIGHT"], response.GetProperty("rateLimits").EnumerateArray().Select(r => r.GetProperty("rateLimitType").GetString()));
        if (code == -2010 && message.StartsWith("Account", StringComparison.Ordinal))
        {
            GoldenFrame.AssertShape("insufficient_balance_response.json", response);
        }
    }

    [Fact]
    public async Task Unknown_symbols_orders_and_duplicate_client_ids()
    {
        await using var t = await Trader.StartAsync();
        BinanceProtocolTests.AssertError(await t.PlaceAsync(1, Limit("BUY", "40000", "0.01", "a", symbol: "DOGEUSDT")), 400, -1121, "Invalid symbol.");
        Assert.Equal(200, (await t.PlaceAsync(2, Limit("BUY", "40000", "0.01", "dup"))).GetProperty("status").GetInt32());
        BinanceProtocolTests.AssertError(await t.PlaceAsync(3, Limit("BUY", "40000", "0.01", "dup")), 400, -2010, "Duplicate order sent.");
        BinanceProtocolTests.AssertError(await t.Client.RequestAsync(4, "order.cancel", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT", ["orderId"] = 999_999 })), 400, -2011, "Unknown order sent.");
        BinanceProtocolTests.AssertError(await t.Client.RequestAsync(5, "order.status", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "nope" })), 400, -2013, "Order does not exist.");
        BinanceProtocolTests.AssertError(await t.Client.RequestAsync(6, "order.cancel", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT" })), 400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }

    [Fact]
    public async Task Open_orders_cancel_all_and_account_status_agree()
    {
        await using var t = await Trader.StartAsync();
        await t.PlaceAsync(1, Limit("BUY", "40000", "0.01", "o-1"));
        await t.PlaceAsync(2, Limit("SELL", "60000", "0.02", "o-2"));
        await t.PlaceAsync(3, Limit("BUY", "2000", "0.1", "o-3", symbol: "ETHUSDT"));
        var open = await t.Client.RequestAsync(4, "openOrders.status", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT" }));
        Assert.Equal(["o-1", "o-2"], open.GetProperty("result").EnumerateArray().Select(o => o.GetProperty("clientOrderId").GetString()));
        var all = await t.Client.RequestAsync(5, "openOrders.status", t.Sign([]));
        Assert.Equal(3, all.GetProperty("result").GetArrayLength());

        var account = (await t.Client.RequestAsync(6, "account.status", t.Sign(new JsonObject { ["omitZeroBalances"] = true }))).GetProperty("result");
        var balances = account.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => (b.GetProperty("free").GetString(), b.GetProperty("locked").GetString()));
        Assert.Equal(("1.98000000", "0.02000000"), balances["BTC"]);
        Assert.Equal(("99399.70000000", "600.30000000"), balances["USDT"]);
        Assert.Equal("0.00020000", account.GetProperty("commissionRates").GetProperty("maker").GetString());

        var cancelAll = await t.Client.RequestAsync(7, "openOrders.cancelAll", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT" }));
        Assert.Equal(["CANCELED", "CANCELED"], cancelAll.GetProperty("result").EnumerateArray().Select(o => o.GetProperty("status").GetString()));
        Assert.Equal(["o-1", "o-2"], cancelAll.GetProperty("result").EnumerateArray().Select(o => o.GetProperty("origClientOrderId").GetString()));
        BinanceProtocolTests.AssertError(await t.Client.RequestAsync(8, "openOrders.cancelAll", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT" })), 400, -2011, "Unknown order sent.");
        var byClientId = await t.Client.RequestAsync(9, "order.status", t.Sign(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "o-1" }));
        Assert.Equal("CANCELED", byClientId.GetProperty("result").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resting_orders_fill_as_maker_when_the_market_moves()
    {
        await using var t = await Trader.StartAsync();
        await t.PlaceAsync(1, Limit("BUY", "49000.00", "0.01", "maker-1"));
        using var control = t.Host.CreateControlClient();
        await control.MarketAsync(new Engine.Simulator.Hosting.MarketCommand { Symbol = "BTCUSDT", Mid = 48_000m });
        var trade = await t.Client.EventAsync("executionReport", r => r.GetProperty("x").GetString() == "TRADE");
        var e = trade.GetProperty("event");
        Assert.Equal(("FILLED", true, false, "49000.00000000"), (e.GetProperty("X").GetString(), e.GetProperty("m").GetBoolean(), e.GetProperty("w").GetBoolean(), e.GetProperty("L").GetString()));
    }

    private static JsonObject Limit(string side, string price, string quantity, string clientId, string tif = "GTC", string symbol = "BTCUSDT") => new()
    {
        ["symbol"] = symbol, ["side"] = side, ["type"] = "LIMIT", ["timeInForce"] = tif, ["price"] = price, ["quantity"] = quantity, ["newClientOrderId"] = clientId,
    };

    private static List<string> Balances(JsonElement position) =>
        position.GetProperty("event").GetProperty("B").EnumerateArray().Select(b => $"{b.GetProperty("a").GetString()}:{b.GetProperty("f").GetString()}:{b.GetProperty("l").GetString()}").ToList();

    /// <summary>An HMAC-signing client subscribed to its own user data stream.</summary>
    private sealed class Trader : IAsyncDisposable
    {
        private Trader(Engine.Simulator.Hosting.SimulatorHost host, ManualTimeProvider clock, BinanceTestClient client)
        {
            Host = host;
            Clock = clock;
            Client = client;
        }

        public Engine.Simulator.Hosting.SimulatorHost Host { get; }

        public ManualTimeProvider Clock { get; }

        public BinanceTestClient Client { get; }

        public static async Task<Trader> StartAsync()
        {
            var (host, clock) = await BinanceTestClient.StartAsync();
            var client = await BinanceTestClient.ConnectAsync(host);
            var trader = new Trader(host, clock, client);
            var subscribed = await client.RequestAsync("sub", "userDataStream.subscribe.signature", trader.Sign([]));
            Assert.Equal(0, subscribed.GetProperty("result").GetProperty("subscriptionId").GetInt32());
            return trader;
        }

        public JsonObject Sign(JsonObject parameters) => BinanceTestClient.SignHmac(parameters, Clock.GetUtcNow().ToUnixTimeMilliseconds());

        public Task<JsonElement> PlaceAsync(int id, JsonObject parameters) => Client.RequestAsync(id, "order.place", Sign(parameters));

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
