using System.Net;
using System.Text.Json;
using Engine.Simulator.Hosting;

namespace Engine.Simulator.Tests.Toobit;

/// <summary>Spot and futures order flow against the simulator (mid 50000; best BTCUSDT ask 50005.01 with 0.5 BTC), with the stream's event arrays.</summary>
public class ToobitTradingTests
{
    [Fact]
    public async Task Resting_limit_is_pending_new_then_new_then_fills_when_the_market_crosses()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        var placed = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "0.01"), ("price", "49000"), ("newClientOrderId", "rest-1")], Placement.Body);
        Assert.Equal(HttpStatusCode.OK, placed.Status);
        var order = placed.Body;
        Assert.Equal(("PENDING_NEW", "rest-1", "0.01", "49000"), (S(order, "status"), S(order, "clientOrderId"), S(order, "origQty"), S(order, "price")));
        var id = S(order, "orderId")!;
        Assert.Equal(JsonValueKind.String, order.GetProperty("orderId").ValueKind);
        Assert.True(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) > 1L << 53);

        var created = await stream.EventAsync("executionReport", e => S(e, "i") == id);
        Assert.Equal(("NEW", "rest-1", "BTCUSDT", "BUY", "LIMIT"), (S(created, "X"), S(created, "c"), S(created, "s"), S(created, "S"), S(created, "o")));
        Assert.Equal(JsonValueKind.String, created.GetProperty("E").ValueKind);
        var locked = await stream.EventAsync("outboundAccountInfo");
        Assert.Equal("USDT", S(locked.GetProperty("B")[0], "a"));

        var open = await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/openOrders", [("symbol", "BTCUSDT")]);
        Assert.Equal(id, S(Assert.Single(open.Body.EnumerateArray()), "orderId"));

        await Market(t, "BTCUSDT", 48_999m);
        var filled = await stream.EventAsync("executionReport", e => S(e, "X") == "FILLED");
        Assert.Equal(("0.01", "49000", "0.01", "490"), (S(filled, "l"), S(filled, "L"), S(filled, "z"), S(filled, "Z")));
        Assert.True(filled.GetProperty("m").GetBoolean());
        var ticket = await stream.EventAsync("ticketInfo");
        Assert.Equal((id, "49000", "0.01"), (S(ticket, "o"), S(ticket, "p"), S(ticket, "q")));

        var query = await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/order", [("origClientOrderId", "rest-1")]);
        Assert.Equal(("FILLED", "0.01", "490", "49000"), (S(query.Body, "status"), S(query.Body, "executedQty"), S(query.Body, "cummulativeQuoteQty"), S(query.Body, "avgPrice")));
        var trades = await t.SignedAsync(HttpMethod.Get, "/api/v1/account/trades", [("symbol", "BTCUSDT")]);
        var trade = Assert.Single(trades.Body.EnumerateArray());
        Assert.Equal((id, "49000", "0.01", "0.098", "USDT", true, true), (S(trade, "orderId"), S(trade, "price"), S(trade, "qty"), S(trade, "commission"), S(trade, "commissionAsset"), trade.GetProperty("isBuyer").GetBoolean(), trade.GetProperty("isMaker").GetBoolean()));

        var balances = (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Body.GetProperty("balances").EnumerateArray().ToDictionary(b => S(b, "asset")!, b => (S(b, "free"), S(b, "locked")));
        Assert.Equal(("2.01", "0"), balances["BTC"]);
        Assert.Equal(("99509.902", "0"), balances["USDT"]); // 100000 - 490 - 0.098 maker fee (0.02 %)
    }

    [Fact]
    public async Task A_market_buy_spends_a_quote_amount_and_reports_it_as_orig_qty()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        var placed = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("quantity", "100"), ("type", "MARKET")], Placement.Body);
        Assert.Equal(("PENDING_NEW", "100", "MARKET", "0"), (S(placed.Body, "status"), S(placed.Body, "origQty"), S(placed.Body, "type"), S(placed.Body, "price")));
        var filled = await stream.EventAsync("executionReport", e => S(e, "X") == "FILLED");
        var executed = decimal.Parse(S(filled, "z")!, System.Globalization.CultureInfo.InvariantCulture);
        var quote = decimal.Parse(S(filled, "Z")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("100", S(filled, "q"));
        Assert.InRange(quote, 99m, 100m);
        Assert.Equal(0.00199m, executed); // 100 USDT at ~50005 rounded down to the 0.00001 step
    }

    [Fact]
    public async Task Cancels_take_either_client_id_name_and_bulk_cancels_have_their_own_shapes()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        foreach (var cid in new[] { "c-1", "c-2", "c-3", "c-4" })
        {
            Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", "0.01"), ("price", "60000"), ("newClientOrderId", cid)], Placement.Body)).Status);
        }

        var one = await t.SignedAsync(HttpMethod.Delete, "/api/v1/spot/order", [("clientOrderId", "c-1")], Placement.Body);
        Assert.Equal(("c-1", "NEW"), (S(one.Body, "clientOrderId"), S(one.Body, "status")));
        Assert.Equal("CANCELED", S(await stream.EventAsync("executionReport", e => S(e, "c") == "c-1" && S(e, "X") == "CANCELED"), "X"));
        var two = await t.SignedAsync(HttpMethod.Delete, "/api/v1/spot/order", [("origClientOrderId", "c-2"), ("symbol", "BTCUSDT")], Placement.Body);
        Assert.Equal(HttpStatusCode.OK, two.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "-1142"), (await t.SignedAsync(HttpMethod.Delete, "/api/v1/spot/order", [("clientOrderId", "c-2")], Placement.Body)) is var again ? (again.Status, again.Code) : default);
        Assert.Equal("-2013", (await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/order", [("orderId", "123")])).Code);

        var id3 = S(Assert.Single((await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/openOrders", [])).Body.EnumerateArray(), o => S(o, "clientOrderId") == "c-3"), "orderId")!;
        var byIds = await t.SignedAsync(HttpMethod.Delete, "/api/v1/spot/cancelOrderByIds", [("ids", id3 + ",42")], Placement.Body);
        Assert.Equal("0", S(byIds.Body, "code"));
        Assert.Equal(("42", "-2013"), Assert.Single(byIds.Body.GetProperty("result").EnumerateArray()) is var failed ? (S(failed, "orderId"), S(failed, "code")) : default);

        var all = await t.SignedAsync(HttpMethod.Delete, "/api/v1/spot/openOrders", [], Placement.Body);
        Assert.True(all.Body.GetProperty("success").GetBoolean());
        Assert.Empty((await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/openOrders", [])).Body.EnumerateArray());
        var usdt = (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Body.GetProperty("balances").EnumerateArray().Single(b => S(b, "asset") == "BTC");
        Assert.Equal(("2", "0"), (S(usdt, "free"), S(usdt, "locked")));
    }

    [Theory]
    [InlineData("price", "49000.005", "-1134")]
    [InlineData("price", "20000000", "-1132")]
    [InlineData("quantity", "0.000001", "-1136")]
    [InlineData("quantity", "0.000015", "-1137")]
    [InlineData("quantity", "0.00001", "-1140")]
    [InlineData("quantity", "50", "-1131")]
    [InlineData("side", "LONG", "-1117")]
    [InlineData("type", "STOP", "-1116")]
    [InlineData("symbol", "BTC-SWAP-USDT", "-1121")]
    public async Task Filters_and_enums_give_the_documented_codes(string field, string value, string code)
    {
        await using var t = await ToobitTestClient.StartAsync();
        var fields = new Dictionary<string, string> { ["symbol"] = "BTCUSDT", ["side"] = "BUY", ["type"] = "LIMIT", ["quantity"] = "0.01", ["price"] = "49000" };
        fields[field] = value;
        var answer = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", fields.Select(p => (p.Key, p.Value)), Placement.Body);
        Assert.Equal((HttpStatusCode.BadRequest, code), (answer.Status, answer.Code));
        Assert.False(string.IsNullOrEmpty(S(answer.Body, "msg")));
    }

    [Fact]
    public async Task Futures_open_close_and_market_orders_keep_positions_and_margin_consistent()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        var leverage = await t.SignedAsync(HttpMethod.Post, "/api/v1/futures/leverage", [("symbol", "BTC-SWAP-USDT"), ("leverage", "5")], Placement.Body);
        Assert.Equal(("200", "5"), (S(leverage.Body, "code"), S(leverage.Body, "leverage")));

        var open = await t.SignedAsync(HttpMethod.Post, "/api/v1/futures/order", [("symbol", "BTC-SWAP-USDT"), ("quantity", "100"), ("side", "BUY_OPEN"), ("type", "LIMIT"), ("priceType", "MARKET")], Placement.Body);
        Assert.Equal(("PENDING_NEW", "IOC", "MARKET", "BUY_OPEN"), (S(open.Body, "status"), S(open.Body, "timeInForce"), S(open.Body, "priceType"), S(open.Body, "side")));
        Assert.StartsWith("sim", S(open.Body, "clientOrderId"), StringComparison.Ordinal);
        var fill = await stream.EventAsync("contractExecutionReport", e => S(e, "X") == "FILLED");
        Assert.Equal(("100", "5"), (S(fill, "z"), S(fill, "v")));
        var pushed = await stream.EventAsync("outboundContractPositionInfo", e => S(e, "S") == "LONG" && S(e, "P") == "100");
        Assert.Equal("BTC-SWAP-USDT", S(pushed, "s"));

        var positions = await t.SignedAsync(HttpMethod.Get, "/api/v1/futures/positions", [("symbol", "BTC-SWAP-USDT")]);
        var longLeg = Assert.Single(positions.Body.EnumerateArray());
        Assert.Equal(("LONG", "100"), (S(longLeg, "side"), S(longLeg, "position")));

        Assert.Equal("-3130", (await t.SignedAsync(HttpMethod.Post, "/api/v1/futures/order", [("symbol", "BTC-SWAP-USDT"), ("quantity", "101"), ("side", "SELL_CLOSE"), ("type", "LIMIT"), ("priceType", "MARKET"), ("newClientOrderId", "too-much")], Placement.Body)).Code);
        var close = await t.SignedAsync(HttpMethod.Post, "/api/v1/futures/order", [("symbol", "BTC-SWAP-USDT"), ("quantity", "100"), ("side", "SELL_CLOSE"), ("type", "LIMIT"), ("priceType", "MARKET"), ("newClientOrderId", "close-1")], Placement.Body);
        Assert.Equal(HttpStatusCode.OK, close.Status);
        await stream.EventAsync("contractExecutionReport", e => S(e, "c") == "close-1" && S(e, "X") == "FILLED");
        Assert.Empty((await t.SignedAsync(HttpMethod.Get, "/api/v1/futures/positions", [])).Body.EnumerateArray());

        var trades = (await t.SignedAsync(HttpMethod.Get, "/api/v1/futures/userTrades", [("symbol", "BTC-SWAP-USDT")])).Body.EnumerateArray().ToList();
        var fees = trades.Sum(x => decimal.Parse(S(x, "commission")!, System.Globalization.CultureInfo.InvariantCulture));
        var balance = Assert.Single((await t.SignedAsync(HttpMethod.Get, "/api/v1/futures/balance", [])).Body.EnumerateArray());
        Assert.Equal(("USDT", "0", "0"), (S(balance, "asset"), S(balance, "positionMargin"), S(balance, "orderMargin")));
        var pnl = trades.Select(x => (Side: S(x, "side"), Px: decimal.Parse(S(x, "price")!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var expected = 100_000m - fees + ((pnl.Single(p => p.Side == "SELL_CLOSE").Px - pnl.Single(p => p.Side == "BUY_OPEN").Px) * 100m * 0.001m);
        Assert.Equal(expected, decimal.Parse(S(balance, "balance")!, System.Globalization.CultureInfo.InvariantCulture));

        var resting = await t.SignedAsync(HttpMethod.Post, "/api/v1/futures/order", [("symbol", "BTC-SWAP-USDT"), ("quantity", "3"), ("side", "SELL_OPEN"), ("type", "LIMIT"), ("price", "70000"), ("newClientOrderId", "dup")], Placement.Body);
        Assert.Equal(HttpStatusCode.OK, resting.Status);
        Assert.Equal("-1141", (await t.SignedAsync(HttpMethod.Post, "/api/v1/futures/order", [("symbol", "BTC-SWAP-USDT"), ("quantity", "3"), ("side", "SELL_OPEN"), ("type", "LIMIT"), ("price", "70000"), ("newClientOrderId", "dup")], Placement.Body)).Code);
        Assert.Equal("NEW", S((await t.SignedAsync(HttpMethod.Get, "/api/v1/futures/order", [("origClientOrderId", "dup")])).Body, "status"));
        var cancelAll = await t.SignedAsync(HttpMethod.Delete, "/api/v1/futures/batchOrders", [("symbol", "BTC-SWAP-USDT")], Placement.Body);
        Assert.Equal(("200", "success"), (S(cancelAll.Body, "code"), S(cancelAll.Body, "message")));
        Assert.Empty((await t.SignedAsync(HttpMethod.Get, "/api/v1/futures/openOrders", [("symbol", "BTC-SWAP-USDT")])).Body.EnumerateArray());
    }

    [Fact]
    public async Task Batch_orders_answer_per_item_and_sign_only_the_query()
    {
        await using var t = await ToobitTestClient.StartAsync();
        var query = "timestamp=" + t.Now;
        var body = "[{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.01\",\"price\":\"40000\",\"newClientOrderId\":\"b-1\"},{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.01\",\"price\":\"40000\"}]";
        var answer = await t.SendAsync(HttpMethod.Post, "/api/v1/spot/batchOrders", query + "&signature=" + ToobitTestClient.Sign(ToobitTestClient.Secret, query), body, contentType: "application/json");
        Assert.Equal("0", S(answer.Body, "code"));
        var items = answer.Body.GetProperty("result").EnumerateArray().ToList();
        Assert.Equal(("0", "b-1"), (S(items[0], "code"), S(items[0].GetProperty("order"), "clientOrderId")));
        Assert.Equal("-1102", S(items[1], "code"));
    }

    [Fact]
    public async Task Exchange_info_and_time_have_their_documented_types()
    {
        await using var t = await ToobitTestClient.StartAsync();
        var time = await t.GetAsync("/api/v1/time");
        Assert.Equal(JsonValueKind.Number, time.Body.GetProperty("serverTime").ValueKind);
        var info = (await t.GetAsync("/api/v1/exchangeInfo")).Body;
        Assert.Equal(JsonValueKind.String, info.GetProperty("serverTime").ValueKind);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], info.GetProperty("symbols").EnumerateArray().Select(s => S(s, "symbol")!));
        var swap = info.GetProperty("contracts").EnumerateArray().Single(s => S(s, "symbol") == "BTC-SWAP-USDT");
        Assert.Equal("0.001", S(swap, "contractMultiplier"));
        var limits = info.GetProperty("rateLimits").EnumerateArray().ToList();
        Assert.Equal(("REQUEST_WEIGHT", 1, 3000), (S(limits[0], "rateLimitType"), limits[0].GetProperty("intervalUnit").GetInt32(), limits[0].GetProperty("limit").GetInt32()));
        Assert.Equal(("ORDERS", "SECOND", 60), (S(limits[1], "rateLimitType"), S(limits[1], "interval"), limits[1].GetProperty("intervalUnit").GetInt32()));
        var depth = (await t.GetAsync("/quote/v1/depth", "symbol=BTCUSDT&limit=2")).Body;
        Assert.Equal(2, depth.GetProperty("a").GetArrayLength());
        Assert.Equal("-1121", (await t.GetAsync("/quote/v1/depth", "symbol=NOPE")).Code);
    }

    internal static string? S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    internal static async Task Market(ToobitTestClient t, string symbol, decimal mid)
    {
        using var control = t.Host.CreateControlClient();
        await control.MarketAsync(new MarketCommand { Symbol = symbol, Mid = mid, Steps = 0 });
    }
}
