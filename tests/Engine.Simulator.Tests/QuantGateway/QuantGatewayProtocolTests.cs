using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.QuantGateway;
using static Engine.Simulator.Tests.Support.QuantTestClient;

namespace Engine.Simulator.Tests.QuantGateway;

public class QuantGatewayProtocolTests
{
    [Fact]
    public async Task Ping_echoes_ts_with_its_type_and_carries_no_cid()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        foreach (var ts in new[] { "1530604762311", "\"abc\"", "1.5e3", "null", "{\"a\":[1,2]}" })
        {
            await client.SendAsync($$"""{"op":"ping","cid":"x","ts":{{ts}}}""");
            var pong = await client.ReceiveAsync();
            Assert.Equal("pong", Str(pong, "op"));
            Assert.False(pong.TryGetProperty("cid", out _));
            var sent = JsonDocument.Parse(ts).RootElement;
            Assert.True(JsonElement.DeepEquals(sent, pong.GetProperty("ts")));
            if (sent.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                Assert.Equal(ts, pong.GetProperty("ts").GetRawText());
            }
        }
    }

    [Theory]
    [InlineData("not json", "Expecting value: line 1 column 1 (char 0)")]
    [InlineData("[1,2]", "list indices must be integers or slices, not str")]
    [InlineData("\"str\"", "string indices must be integers, not 'str'")]
    [InlineData("123", "'int' object is not subscriptable")]
    [InlineData("null", "'NoneType' object is not subscriptable")]
    [InlineData("{}", "'op'")]
    [InlineData("{\"op\":\"ping\"}", "'ts'")]
    [InlineData("{\"op\":\"place_order\",\"cid\":\"c\"}", "'token'")]
    [InlineData("{\"op\":\"login\",\"symbols\":[]}", "'platform'")]
    [InlineData("{\"op\":\"login\",\"platform\":\"huobi\",\"access_key\":\"k\",\"secret_key\":\"s\"}", "'symbols'")]
    [InlineData("{\"op\":\"login\",\"platform\":\"huobi\",\"symbols\":[],\"access_key\":5,\"secret_key\":\"s\"}", "can only concatenate str (not \"int\") to str")]
    public async Task Malformed_frames_get_op_error_without_cid_and_socket_stays_open(string frame, string message)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync(frame);
        var error = await client.ReceiveAsync();
        Assert.Equal("error", Str(error, "op"));
        Assert.Equal(message, Str(error, "error_message"));
        Assert.Equal(["op", "error_message"], error.EnumerateObject().Select(p => p.Name));
        Assert.Empty(await client.DrainUntilPongAsync("still-open"));
    }

    [Theory]
    [InlineData("{\"op\":\"subscribe\",\"cid\":\"u\"}")]
    [InlineData("{\"op\":42}")]
    public async Task Unknown_or_non_string_op_gets_no_reply(string frame)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync(frame);
        await client.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Empty(await client.DrainUntilPongAsync("m"));
    }

    [Fact]
    public async Task Login_gives_token_then_state_2_then_data_then_ready()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync("""{"op":"login","cid":7,"platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}""");
        var reply = await client.ReceiveAsync();
        Assert.Equal("login", Str(reply, "op"));
        Assert.Equal(JsonValueKind.Number, reply.GetProperty("cid").ValueKind);
        Assert.Equal(7, reply.GetProperty("cid").GetInt32());
        var token = Str(reply, "token")!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", token);

        var state2 = await client.ReceiveAsync();
        Assert.Equal((token, 2), (Str(state2, "token"), state2.GetProperty("code").GetInt32()));
        var asset = await client.ReceiveAsync();
        Assert.Equal(("notify", "asset"), (Str(asset, "op"), Str(asset, "topic")));
        Assert.Equal(100_000m, asset.GetProperty("data").GetProperty("USDT").GetProperty("free").GetDecimal());
        var ready = await client.ReceiveAsync();
        Assert.Equal((6, "Environment ready"), (ready.GetProperty("code").GetInt32(), Str(ready, "msg")));
    }

    [Fact]
    public async Task Ready_comes_after_the_configured_delay_on_the_time_provider()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options(new QuantGatewayOptions { ReadyDelay = TimeSpan.FromSeconds(3), IdleTimeout = TimeSpan.FromHours(1) });
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options, timeProvider: clock);
        await using var client = await ConnectAsync(host);
        await client.SendAsync("""{"op":"login","cid":"L","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}""");
        var token = Str(await client.ExpectOpAsync("login"), "token")!;
        await client.SendAsync($$"""{"op":"asset","cid":"early","token":"{{token}}"}""");
        var early = await client.ExpectOpAsync("asset", "early");
        Assert.Equal((false, "Symbol not exist"), (early.GetProperty("result").GetBoolean(), Str(early, "error_message")));

        clock.Advance(TimeSpan.FromSeconds(3));
        var ready = (await client.ExpectAsync(f => Str(f, "op") == "state")).Match;
        Assert.Equal(6, ready.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("binance", "[\"BTC/USDT\"]", "demo-spot-key", "demo-spot-secret", "platform not found")]
    [InlineData("okex", "[\"BTC/USDT\"]", "demo-spot-key", "demo-spot-secret", "param access_key or secret_key or passphrase miss")]
    [InlineData("huobi", "[\"BTC/USDT\"]", "", "demo-spot-secret", "param access_key or secret_key miss")]
    [InlineData("huobi", "[]", "demo-spot-key", "demo-spot-secret", "param symbols miss")]
    [InlineData("huobi", "[\"btcusdt\"]", "demo-spot-key", "demo-spot-secret", "symbols not found")]
    public async Task Bad_login_sends_state_1_before_the_reply_and_ops_go_unanswered(string platform, string symbols, string key, string secret, string msg)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync($$"""{"op":"login","cid":"L","platform":"{{platform}}","symbols":{{symbols}},"access_key":"{{key}}","secret_key":"{{secret}}"}""");
        var state = await client.ReceiveAsync();
        Assert.Equal(("state", 1, msg), (Str(state, "op"), state.GetProperty("code").GetInt32(), Str(state, "msg")));
        var reply = await client.ReceiveAsync();
        Assert.True(reply.GetProperty("result").GetBoolean());
        Assert.Equal(Str(state, "token"), Str(reply, "token"));

        await client.SendAsync($$"""{"op":"asset","cid":"a","token":"{{Str(reply, "token")}}"}""");
        Assert.Empty(await client.DrainUntilPongAsync("none"));
        await client.SendAsync($$"""{"op":"logout","cid":"o","token":"{{Str(reply, "token")}}"}""");
        Assert.True((await client.ExpectOpAsync("logout", "o")).GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Wrong_secret_gets_state_7_and_never_ready()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync("""{"op":"login","cid":"L","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"wrong"}""");
        await client.ExpectOpAsync("login", "L");
        Assert.Equal(2, (await client.ReceiveAsync()).GetProperty("code").GetInt32());
        Assert.Equal(7, (await client.ReceiveAsync()).GetProperty("code").GetInt32());
        Assert.Empty(await client.DrainUntilPongAsync("x"));
    }

    [Fact]
    public async Task Duplicate_login_anywhere_is_refused_but_other_platform_and_accounts_are_independent()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var a = await ConnectAsync(host);
        await using var b = await ConnectAsync(host);
        var spot = await a.LoginSpotAsync();
        var futures = await a.LoginFuturesAsync();
        Assert.NotEqual(spot, futures);

        await b.SendAsync("""{"op":"login","cid":"dup","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}""");
        var dup = await b.ExpectOpAsync("login", "dup");
        Assert.Equal((false, "Do not log in repeat", ""), (dup.GetProperty("result").GetBoolean(), Str(dup, "error_message"), Str(dup, "token")));

        await a.SendAsync($$"""{"op":"logout","cid":"out","token":"{{spot}}"}""");
        var logout = await a.ExpectOpAsync("logout", "out");
        Assert.Equal(["op", "cid", "result", "error_message"], logout.EnumerateObject().Select(p => p.Name));
        var again = await b.LoginSpotAsync("again");
        Assert.NotEqual(spot, again);
    }

    [Theory]
    [InlineData("place_order", ",\"symbol\":\"BTC/USDT\",\"action\":\"BUY\",\"price\":1,\"quantity\":1,\"order_type\":\"LIMIT\"")]
    [InlineData("cancel_order", ",\"symbol\":\"BTC/USDT\",\"order_nos\":[\"1\",\"2\"]")]
    [InlineData("open_orders", ",\"symbol\":\"BTC/USDT\"")]
    [InlineData("asset", "")]
    [InlineData("position", ",\"symbol\":\"BTC200925\"")]
    [InlineData("symbol_info", ",\"symbol\":\"BTC/USDT\"")]
    [InlineData("logout", "")]
    public async Task Unknown_token_is_invalid_token_without_data_or_order_no(string op, string rest)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        await client.SendAsync($$"""{"op":"{{op}}","cid":"c1","token":"nope"{{rest}}}""");
        var reply = await client.ReceiveAsync();
        Assert.Equal((op, "c1", false, "Invalid token"), (Str(reply, "op"), Str(reply, "cid"), reply.GetProperty("result").GetBoolean(), Str(reply, "error_message")));
        Assert.Equal(["op", "cid", "result", "error_message"], reply.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("{\"op\":\"place_order\",\"token\":\"T\",\"symbol\":\"BTC/USDT\",\"action\":\"BUY\",\"price\":1,\"quantity\":1}", "'order_type'")]
    [InlineData("{\"op\":\"place_order\",\"token\":\"T\",\"action\":\"BUY\"}", "'symbol'")]
    [InlineData("{\"op\":\"cancel_order\",\"token\":\"T\",\"symbol\":\"BTC/USDT\"}", "'order_nos'")]
    [InlineData("{\"op\":\"open_orders\",\"token\":\"T\"}", "'symbol'")]
    public async Task Missing_field_after_a_valid_token_is_op_error_in_server_order(string frame, string message)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        await client.SendAsync(frame.Replace("\"T\"", $"\"{token}\"", StringComparison.Ordinal));
        var error = await client.ExpectOpAsync("error");
        Assert.Equal(message, Str(error, "error_message"));
    }

    [Fact]
    public async Task Plain_get_returns_html_and_other_paths_404()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        using var http = new HttpClient();
        var page = await http.GetAsync(new Uri(host.BaseUri, "ws/v1"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(host.BaseUri, "ws/v2"))).StatusCode);
    }

    [Fact]
    public async Task Idle_socket_is_closed_with_1000_and_its_logins_are_gone()
    {
        var options = Options(new QuantGatewayOptions { ReadyDelay = TimeSpan.Zero, IdleTimeout = TimeSpan.FromMilliseconds(300), IdleCheckPeriod = TimeSpan.FromMilliseconds(50) });
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options);
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await client.ExpectCloseAsync());
        Assert.Equal(string.Empty, client.Socket.CloseStatusDescription ?? string.Empty);

        await using var other = await ConnectAsync(host);
        await other.SendAsync($$"""{"op":"asset","cid":"x","token":"{{token}}"}""");
        Assert.Equal("Invalid token", Str(await other.ExpectOpAsync("asset", "x"), "error_message"));
    }

    [Fact]
    public async Task Invalid_pings_do_not_keep_a_socket_alive()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options(new QuantGatewayOptions { ReadyDelay = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(15), IdleCheckPeriod = TimeSpan.FromSeconds(1) });
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options, timeProvider: clock);
        await using var valid = await ConnectAsync(host);
        await using var invalid = await ConnectAsync(host);
        await using var unknown = await ConnectAsync(host);
        for (var i = 0; i < 4; i++)
        {
            await unknown.SendAsync("""{"op":"hello"}""");
            await unknown.DrainUntilPongAsync($"u{i}");
            await valid.SendAsync($$"""{"op":"ping","ts":{{i}}}""");
            await valid.ExpectOpAsync("pong");
            await invalid.SendAsync("""{"op":"ping"}""");
            await invalid.ExpectOpAsync("error");
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await invalid.ExpectCloseAsync());
        Assert.Empty(await valid.DrainUntilPongAsync("alive"));
        Assert.Empty(await unknown.DrainUntilPongAsync("alive"));
    }
}
