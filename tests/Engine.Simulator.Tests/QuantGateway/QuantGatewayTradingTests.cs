using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Support;
using static Engine.Simulator.Tests.Support.QuantTestClient;

namespace Engine.Simulator.Tests.QuantGateway;

public class QuantGatewayTradingTests
{
    private static string Place(string token, string cid, string symbol, string action, string price, string quantity, string type = "LIMIT") =>
        $$"""{"op":"place_order","cid":"{{cid}}","token":"{{token}}","symbol":"{{symbol}}","action":"{{action}}","price":{{price}},"quantity":{{quantity}},"order_type":"{{type}}"}""";

    private static List<JsonElement> Topic(IEnumerable<JsonElement> frames, string topic) => frames.Where(f => Str(f, "topic") == topic).ToList();

    [Fact]
    public async Task Resting_order_fills_when_the_market_walks_through_it_with_order_then_fill()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        using var control = host.CreateControlClient();
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();

        await client.SendAsync(Place(token, "p1", "BTC/USDT", "BUY", "40000", "0.01"));
        var reply = await client.ReceiveAsync();
        Assert.Equal(("place_order", "p1", true), (Str(reply, "op"), Str(reply, "cid"), reply.GetProperty("result").GetBoolean()));
        var orderNo = Str(reply, "order_no")!;
        var submitted = await client.ReceiveAsync();
        Assert.Equal(("order", "SUBMITTED", orderNo), (Str(submitted, "topic"), Str(submitted.GetProperty("data"), "status"), Str(submitted.GetProperty("data"), "order_no")));
        var frames = await client.DrainUntilPongAsync("a");
        var lockedUsdt = Topic(frames, "asset").Single().GetProperty("data").GetProperty("USDT");
        Assert.Equal(400m * 1.0005m, lockedUsdt.GetProperty("locked").GetDecimal());

        await client.SendAsync($$"""{"op":"open_orders","cid":"o1","token":"{{token}}","symbol":"BTC/USDT"}""");
        var open = (await client.ExpectOpAsync("open_orders", "o1")).GetProperty("data");
        Assert.Equal(orderNo, Str(open[0], "order_no"));
        Assert.False(open[0].TryGetProperty("symbol", out _));

        await control.MarketAsync(new MarketCommand { Symbol = "BTC/USDT", Mid = 39_000m });
        var after = await client.DrainUntilPongAsync("b");
        var notifies = after.Where(f => Str(f, "topic") is "order" or "fill").ToList();
        Assert.Equal(["order", "fill"], notifies.Select(f => Str(f, "topic")));
        Assert.Equal("FILLED", Str(notifies[0].GetProperty("data"), "status"));
        var fill = notifies[1].GetProperty("data");
        Assert.Equal((orderNo, "MAKER", "BUY", 40000m, 0.01m), (Str(fill, "order_no"), Str(fill, "liquidity"), Str(fill, "side"), fill.GetProperty("price").GetDecimal(), fill.GetProperty("quantity").GetDecimal()));
        Assert.Equal(JsonValueKind.String, fill.GetProperty("fill_no").ValueKind);
    }

    [Fact]
    public async Task Partial_fill_sends_partial_filled_and_unique_fill_numbers()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();

        // Best ask is mid 50000 + 1 bp = 50005 with 0.5 BTC per level: 0.8 at 50005 takes 0.5 and rests 0.3.
        await client.SendAsync(Place(token, "p", "BTC/USDT", "BUY", "50005", "0.8"));
        var frames = await client.DrainUntilPongAsync("x");
        var orders = Topic(frames, "order").Select(f => Str(f.GetProperty("data"), "status")).ToList();
        Assert.Equal(["SUBMITTED", "PARTIAL-FILLED"], orders);
        Assert.Equal(0.3m, Topic(frames, "order")[1].GetProperty("data").GetProperty("remain").GetDecimal());

        await client.SendAsync(Place(token, "q", "BTC/USDT", "BUY", "0", "0.6", "MARKET"));
        var more = await client.DrainUntilPongAsync("y");
        var fillNos = Topic(frames.Concat(more), "fill").Select(f => Str(f.GetProperty("data"), "fill_no")).ToList();
        Assert.Equal(3, fillNos.Count);
        Assert.Equal(fillNos.Count, fillNos.Distinct().Count());
    }

    [Fact]
    public async Task Cancel_returns_list_form_for_any_count_and_empty_list_cancels_all()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await client.SendAsync(Place(token, $"p{i}", "ETH/USDT", "BUY", "2000", "0.01"));
            ids.Add(Str(await client.ExpectOpAsync("place_order", $"p{i}"), "order_no")!);
        }

        await client.SendAsync($$"""{"op":"cancel_order","cid":"c1","token":"{{token}}","symbol":"ETH/USDT","order_nos":["{{ids[0]}}"]}""");
        var one = (await client.ExpectOpAsync("cancel_order", "c1")).GetProperty("data");
        Assert.Equal(ids[0], Str(Assert.Single(one.EnumerateArray()), "order_no"));

        await client.SendAsync($$"""{"op":"cancel_order","cid":"c2","token":"{{token}}","symbol":"ETH/USDT","order_nos":["nope","{{ids[1]}}"]}""");
        var two = (await client.ExpectOpAsync("cancel_order", "c2")).GetProperty("data");
        Assert.Equal([(true, ids[1]), (false, "")], two.EnumerateArray().Select(e => (e.GetProperty("result").GetBoolean(), Str(e, "order_no")!)));

        await client.SendAsync($$"""{"op":"cancel_order","cid":"c3","token":"{{token}}","symbol":"ETH/USDT","order_nos":[]}""");
        var all = (await client.ExpectOpAsync("cancel_order", "c3")).GetProperty("data");
        Assert.Equal(ids.Skip(2).Order(StringComparer.Ordinal), all.EnumerateArray().Select(e => Str(e, "order_no")!).Order(StringComparer.Ordinal));
        var canceled = Topic(await client.DrainUntilPongAsync("z"), "order").Count(f => Str(f.GetProperty("data"), "status") == "CANCELED");
        Assert.True(canceled >= 2);

        await client.SendAsync($$"""{"op":"open_orders","cid":"o","token":"{{token}}","symbol":"ETH/USDT"}""");
        Assert.Equal(0, (await client.ExpectOpAsync("open_orders", "o")).GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("DOGE/USDT", "BUY", "1", "1", "LIMIT", "symbol not found")]
    [InlineData("BTC/USDT", "buy", "1", "1", "LIMIT", "action error")]
    [InlineData("BTC/USDT", "BUY", "1", "1", "FOK", "order type error")]
    [InlineData("BTC/USDT", "BUY", "2000", "100", "LIMIT", "{'status': 'error', 'err-code': 'account-frozen-balance-insufficient-error'")]
    [InlineData("BTC/USDT", "BUY", "100.001", "1", "LIMIT", "{'status': 'error', 'err-code': 'order-limitorder-price-precision-error'")]
    [InlineData("BTC/USDT", "BUY", "100", "0.000005", "LIMIT", "{'status': 'error', 'err-code': 'order-limitorder-amount-min-error'")]
    public async Task Spot_placement_errors_are_result_false_without_order_no(string symbol, string action, string price, string qty, string type, string message)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        await client.SendAsync(Place(token, "e", symbol, action, price, qty, type));
        var reply = await client.ExpectOpAsync("place_order", "e");
        Assert.False(reply.GetProperty("result").GetBoolean());
        Assert.StartsWith(message, Str(reply, "error_message"), StringComparison.Ordinal);
        Assert.False(reply.TryGetProperty("order_no", out _));
    }

    [Fact]
    public async Task Asset_symbol_info_and_spot_position()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        await client.SendAsync($$"""{"op":"asset","cid":"a","token":"{{token}}"}""");
        var asset = (await client.ExpectOpAsync("asset", "a")).GetProperty("data");
        Assert.Equal(2m, asset.GetProperty("BTC").GetProperty("total").GetDecimal());

        await client.SendAsync($$"""{"op":"symbol_info","cid":"s","token":"{{token}}","symbol":"BTC/USDT"}""");
        var info = (await client.ExpectOpAsync("symbol_info", "s")).GetProperty("data");
        Assert.Equal(("BTC", "USDT", 0.01m), (Str(info, "base_currency"), Str(info, "quote_currency"), info.GetProperty("price_tick").GetDecimal()));

        await client.SendAsync($$"""{"op":"position","cid":"p","token":"{{token}}","symbol":"BTC/USDT"}""");
        Assert.False((await client.ExpectOpAsync("position", "p")).GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Futures_signed_quantity_opens_and_closes_and_truncates()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginFuturesAsync();

        await client.SendAsync($$"""{"op":"position","cid":"p0","token":"{{token}}","symbol":"BTC200925"}""");
        var flat = (await client.ExpectOpAsync("position", "p0")).GetProperty("data");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, 0), (flat.GetProperty("margin_mode").ValueKind, flat.GetProperty("utime").ValueKind, flat.GetProperty("long_quantity").GetInt32()));

        await client.SendAsync(Place(token, "q0", "BTC200925", "BUY", "0", "0.7", "MARKET"));
        Assert.Equal("quantity error", Str(await client.ExpectOpAsync("place_order", "q0"), "error_message"));

        var frames = new List<JsonElement>();
        async Task<JsonElement> Order(string cid, string action, string quantity)
        {
            await client.SendAsync(Place(token, cid, "BTC200925", action, "0", quantity, "MARKET"));
            var (reply, skipped) = await client.ExpectAsync(f => Str(f, "op") == "place_order" && Str(f, "cid") == cid);
            frames.AddRange(skipped);
            return reply;
        }

        Assert.True((await Order("o1", "BUY", "3.9")).GetProperty("result").GetBoolean());
        Assert.True((await Order("o2", "SELL", "-2")).GetProperty("result").GetBoolean());
        Assert.True((await Order("c1", "SELL", "1")).GetProperty("result").GetBoolean());
        var tooMuch = await Order("c2", "BUY", "-5");
        Assert.StartsWith("{'status': 'error', 'err_code': 1048", Str(tooMuch, "error_message"), StringComparison.Ordinal);

        frames.AddRange(await client.DrainUntilPongAsync("f"));
        Assert.Contains(frames, f => Str(f, "topic") == "position" && Str(f.GetProperty("data"), "symbol") == "BTC200925");
        Assert.Equal([3, 2, 1], Topic(frames, "fill").Select(f => f.GetProperty("data").GetProperty("quantity").GetInt32()));
        await client.SendAsync($$"""{"op":"position","cid":"p1","token":"{{token}}","symbol":"BTC200925"}""");
        var position = (await client.ExpectOpAsync("position", "p1")).GetProperty("data");
        Assert.Equal((2, 2, "crossed"), (position.GetProperty("long_quantity").GetInt32(), position.GetProperty("short_quantity").GetInt32(), Str(position, "margin_mode")));
        Assert.False(position.TryGetProperty("symbol", out _));

        await client.SendAsync($$"""{"op":"symbol_info","cid":"si","token":"{{token}}","symbol":"BTC200925"}""");
        var (rawInfo, _) = await client.ReceiveRawAsync();
        Assert.Contains("\"size_tick\": 1, \"size_limit\": 1, \"value_tick\": null", rawInfo, StringComparison.Ordinal);

        await client.SendAsync($$"""{"op":"asset","cid":"a","token":"{{token}}"}""");
        var btc = (await client.ExpectOpAsync("asset", "a")).GetProperty("data").GetProperty("BTC");
        Assert.True(btc.GetProperty("locked").GetDecimal() > 0m);
    }

    [Fact]
    public async Task Futures_non_numeric_quantity_gets_no_reply_and_unknown_contract_is_symbol_not_exist()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginFuturesAsync();
        await client.SendAsync(Place(token, "n", "BTC200925", "BUY", "0", "\"lots\"", "MARKET"));
        Assert.Empty(await client.DrainUntilPongAsync("n"));
        await client.SendAsync(Place(token, "u", "BTC/USDT", "BUY", "0", "1", "MARKET"));
        Assert.Equal("Symbol not exist", Str(await client.ExpectOpAsync("place_order", "u"), "error_message"));
    }

    [Fact]
    public async Task Futures_login_with_spot_symbols_never_gets_ready()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync("""{"op":"login","cid":"L","platform":"huobi_future","symbols":["BTC/USDT"],"access_key":"demo-futures-key","secret_key":"demo-futures-secret"}""");
        await client.ExpectOpAsync("login", "L");
        var frames = await client.DrainUntilPongAsync("n");
        Assert.Equal([2], frames.Where(f => Str(f, "op") == "state").Select(f => f.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Outage_sends_4_5_2_then_6_and_trading_is_refused_in_between()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        using var control = host.CreateControlClient();
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        await client.DrainUntilPongAsync("start");

        Assert.Equal(1, await control.InjectStateAsync(new StateInjection { Codes = [4, 5] }));
        await client.SendAsync(Place(token, "x", "BTC/USDT", "BUY", "40000", "0.01"));
        var frames = await client.DrainUntilPongAsync("mid");
        Assert.Equal([4, 5], frames.Where(f => Str(f, "op") == "state").Select(f => f.GetProperty("code").GetInt32()));
        Assert.Equal("Symbol not exist", Str(frames.Single(f => Str(f, "op") == "place_order"), "error_message"));

        await control.InjectStateAsync(new StateInjection { Token = token, Codes = [2, 6] });
        var back = await client.DrainUntilPongAsync("end");
        Assert.Equal([2, 6], back.Where(f => Str(f, "op") == "state").Select(f => f.GetProperty("code").GetInt32()));
        Assert.Contains(back, f => Str(f, "topic") == "asset");

        Assert.Equal(1, await control.InjectStateAsync(new StateInjection()));
        var cycle = await client.DrainUntilPongAsync("cycle");
        Assert.Equal([4, 5, 2, 6], cycle.Where(f => Str(f, "op") == "state").Select(f => f.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Tokens_are_global_by_default_replies_go_to_requester_and_notifications_to_the_login_socket()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var owner = await ConnectAsync(host);
        await using var other = await ConnectAsync(host);
        var token = await owner.LoginSpotAsync();
        await owner.DrainUntilPongAsync("o");

        await other.SendAsync(Place(token, "g", "BTC/USDT", "BUY", "40000", "0.01"));
        Assert.True((await other.ExpectOpAsync("place_order", "g")).GetProperty("result").GetBoolean());
        Assert.Contains(await owner.DrainUntilPongAsync("n"), f => Str(f, "topic") == "order");
        Assert.DoesNotContain(await other.DrainUntilPongAsync("m"), f => Str(f, "op") == "notify");
    }

    [Fact]
    public async Task Connection_scoped_tokens_are_invalid_on_other_sockets()
    {
        var options = Options(new() { ReadyDelay = TimeSpan.Zero, ConnectionScopedTokens = true, IdleTimeout = TimeSpan.FromMinutes(5) });
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options);
        await using var owner = await ConnectAsync(host);
        await using var other = await ConnectAsync(host);
        var token = await owner.LoginSpotAsync();
        await other.SendAsync($$"""{"op":"asset","cid":"x","token":"{{token}}"}""");
        Assert.Equal("Invalid token", Str(await other.ExpectOpAsync("asset", "x"), "error_message"));
    }

    [Fact]
    public async Task Logout_with_another_sockets_token_tears_it_down_and_reports_op_error()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var owner = await ConnectAsync(host);
        await using var other = await ConnectAsync(host);
        var token = await owner.LoginSpotAsync();
        await other.SendAsync($$"""{"op":"logout","cid":"x","token":"{{token}}"}""");
        Assert.Equal($"'{token}'", Str(await other.ExpectOpAsync("error"), "error_message"));
        await owner.SendAsync($$"""{"op":"asset","cid":"a","token":"{{token}}"}""");
        Assert.Equal("Invalid token", Str(await owner.ExpectOpAsync("asset", "a"), "error_message"));
    }

    [Fact]
    public async Task Accounts_from_options_trade_with_each_other_and_each_gets_its_own_notifications()
    {
        var accounts = new[] { "alice", "bob" }.Select(n => new Engine.Simulator.Accounts.AccountOptions
        {
            Id = n, ApiKey = n + "-key", Secret = n + "-secret",
            SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 10_000m, ["ETH"] = 10m },
        }).ToList();
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options() with { Accounts = accounts });
        await using var alice = await ConnectAsync(host);
        await using var bob = await ConnectAsync(host);
        var aliceToken = await alice.LoginReadyAsync("huobi", """["ETH/USDT"]""", "alice-key", "alice-secret");
        var bobToken = await bob.LoginReadyAsync("huobi", """["ETH/USDT"]""", "bob-key", "bob-secret");
        await alice.DrainUntilPongAsync("a0");
        await bob.DrainUntilPongAsync("b0");

        // Synthetic quote around the 2500 mid is 2499.75 / 2500.25: a sell at 2500 rests inside the spread.
        await alice.SendAsync(Place(aliceToken, "sell", "ETH/USDT", "SELL", "2500", "1"));
        await alice.ExpectOpAsync("place_order", "sell");
        await bob.SendAsync(Place(bobToken, "buy", "ETH/USDT", "BUY", "2500", "1"));
        await bob.ExpectOpAsync("place_order", "buy");

        var aliceFill = Topic(await alice.DrainUntilPongAsync("a1"), "fill").Single().GetProperty("data");
        var bobFill = Topic(await bob.DrainUntilPongAsync("b1"), "fill").Single().GetProperty("data");
        Assert.Equal(("MAKER", "SELL", 2500m), (Str(aliceFill, "liquidity"), Str(aliceFill, "side"), aliceFill.GetProperty("price").GetDecimal()));
        Assert.Equal(("TAKER", "BUY", 2500m), (Str(bobFill, "liquidity"), Str(bobFill, "side"), bobFill.GetProperty("price").GetDecimal()));
        Assert.NotEqual(Str(aliceFill, "fill_no"), Str(bobFill, "fill_no"));
    }

    [Fact]
    public async Task Market_timer_on_the_time_provider_moves_prices_and_fills_resting_orders()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options() with
        {
            Market = new Engine.Simulator.Market.MarketOptions { TickInterval = TimeSpan.FromSeconds(1), StepBps = 100m, Seed = 3 },
        };
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options, timeProvider: clock);
        using var control = host.CreateControlClient();
        var before = await control.MarketAsync(new MarketCommand());
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await control.MarketAsync(new MarketCommand());
        Assert.NotEqual(before["BTC/USDT"], after["BTC/USDT"]);

        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        var mid = after["BTC/USDT"];
        await client.SendAsync(Place(token, "hi", "BTC/USDT", "SELL", (mid * 0.99m).ToString("F2", System.Globalization.CultureInfo.InvariantCulture), "0.01", "LIMIT"));
        await client.ExpectOpAsync("place_order", "hi");
        var frames = new List<JsonElement>();
        for (var i = 0; i < 3 && !frames.Any(f => Str(f, "topic") == "fill"); i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            frames.AddRange(await client.DrainUntilPongAsync($"t{i}"));
        }

        Assert.Contains(frames, f => Str(f, "topic") == "fill");
    }
}
