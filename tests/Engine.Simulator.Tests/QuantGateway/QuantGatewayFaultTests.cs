using System.Net.WebSockets;
using System.Text.Json;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.QuantGateway;
using static Engine.Simulator.Tests.Support.QuantTestClient;

namespace Engine.Simulator.Tests.QuantGateway;

/// <summary>Every fault and quirk, switched on through the control API.</summary>
public class QuantGatewayFaultTests
{
    private static string Place(string token, string cid, string symbol = "BTC/USDT", string action = "BUY", string quantity = "0.01", string price = "40000", string type = "LIMIT") =>
        $$"""{"op":"place_order","cid":"{{cid}}","token":"{{token}}","symbol":"{{symbol}}","action":"{{action}}","price":{{price}},"quantity":{{quantity}},"order_type":"{{type}}"}""";

    private static async Task<(SimulatorHost Host, SimulatorControlClient Control, QuantTestClient Client, string Token)> StartAsync(bool futures = false)
    {
        var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        var client = await ConnectAsync(host);
        var token = futures ? await client.LoginFuturesAsync() : await client.LoginSpotAsync();
        await client.DrainUntilPongAsync("ready");
        return (host, host.CreateControlClient(), client, token);
    }

    [Fact]
    public async Task Drop_reply_drops_only_the_armed_count()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.DropReply, Op = "place_order", Count = 1 });

        await client.SendAsync(Place(token, "d1"));
        var frames = await client.DrainUntilPongAsync("x");
        Assert.DoesNotContain(frames, f => Str(f, "op") == "place_order");
        Assert.Contains(frames, f => Str(f, "topic") == "order");

        await client.SendAsync(Place(token, "d2"));
        Assert.True((await client.ExpectOpAsync("place_order", "d2")).GetProperty("result").GetBoolean());
        Assert.Empty(await control.GetFaultsAsync());
    }

    [Fact]
    public async Task Delay_reply_lets_later_frames_overtake_it()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.DelayReply, Op = "asset", DelayMs = 200 });

        await client.SendAsync($$"""{"op":"asset","cid":"slow","token":"{{token}}"}""");
        await client.SendAsync("""{"op":"ping","ts":1}""");
        var first = await client.ReceiveAsync();
        Assert.Equal("pong", Str(first, "op"));
        Assert.True((await client.ExpectOpAsync("asset", "slow")).GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Notify_before_reply_puts_order_notify_first()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.NotifyBeforeReply, Op = "place_order" });

        await client.SendAsync(Place(token, "n1"));
        var first = await client.ReceiveAsync();
        Assert.Equal(("notify", "order"), (Str(first, "op"), Str(first, "topic")));
        var reply = await client.ExpectOpAsync("place_order", "n1");
        Assert.Equal(Str(first.GetProperty("data"), "order_no"), Str(reply, "order_no"));
    }

    [Fact]
    public async Task Duplicate_notification_sends_one_notify_twice()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.DuplicateNotification, Op = "order" });

        await client.SendAsync(Place(token, "p"));
        var orders = (await client.DrainUntilPongAsync("x")).Where(f => Str(f, "topic") == "order").Select(f => f.GetRawText()).ToList();
        Assert.Equal(2, orders.Count);
        Assert.Equal(orders[0], orders[1]);
    }

    [Fact]
    public async Task Disconnect_aborts_the_socket_and_frees_its_logins()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.Disconnect, Op = "asset" });

        await client.SendAsync($$"""{"op":"asset","cid":"a","token":"{{token}}"}""");
        await Assert.ThrowsAnyAsync<Exception>(async () => await client.ReceiveAsync());
        Assert.NotEqual(WebSocketState.Open, client.Socket.State);

        await using var again = await ConnectAsync(host);
        Assert.NotEqual(token, await again.LoginSpotAsync());
    }

    [Fact]
    public async Task Reject_orders_refuses_the_next_n_with_the_message()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.RejectOrders, Count = 2, Message = "nope" });
        Assert.Equal(2, Assert.Single(await control.GetFaultsAsync()).Count);

        for (var i = 0; i < 2; i++)
        {
            await client.SendAsync(Place(token, $"r{i}"));
            var reply = await client.ExpectOpAsync("place_order", $"r{i}");
            Assert.Equal((false, "nope"), (reply.GetProperty("result").GetBoolean(), Str(reply, "error_message")));
        }

        await client.SendAsync(Place(token, "r2"));
        Assert.True((await client.ExpectOpAsync("place_order", "r2")).GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Faults_from_options_are_armed_listed_and_cleared()
    {
        var options = Options() with { Faults = [new FaultRule { Kind = FaultKind.DropReply, Op = "ping", Count = 0 }] };
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options);
        using var control = host.CreateControlClient();
        Assert.Equal(FaultKind.DropReply, Assert.Single(await control.GetFaultsAsync()).Kind);
        await using var client = await ConnectAsync(host);
        await client.SendAsync("""{"op":"ping","ts":1}""");
        await client.SendAsync("""{"op":"asset","cid":"c","token":"x"}""");
        Assert.Equal("asset", Str(await client.ReceiveAsync(), "op"));

        Assert.Empty(await control.ClearFaultsAsync());
        Assert.Empty(await client.DrainUntilPongAsync("back"));
    }

    [Fact]
    public async Task Quirk_one_id_cancel_gets_no_reply_but_still_cancels()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.SetQuirksAsync(new QuantGatewayQuirks { OneIdCancelNoReply = true });
        await client.SendAsync(Place(token, "p"));
        var orderNo = Str(await client.ExpectOpAsync("place_order", "p"), "order_no");

        await client.SendAsync($$"""{"op":"cancel_order","cid":"c","token":"{{token}}","symbol":"BTC/USDT","order_nos":["{{orderNo}}"]}""");
        var frames = await client.DrainUntilPongAsync("x");
        Assert.DoesNotContain(frames, f => Str(f, "op") == "cancel_order");
        Assert.Contains(frames, f => Str(f, "topic") == "order" && Str(f.GetProperty("data"), "status") == "CANCELED");

        await client.SendAsync($$"""{"op":"cancel_order","cid":"c2","token":"{{token}}","symbol":"BTC/USDT","order_nos":["{{orderNo}}"]}""");
        var failed = await client.ExpectOpAsync("cancel_order", "c2");
        Assert.False(failed.GetProperty("result").GetBoolean());
        Assert.False(failed.TryGetProperty("data", out _));

        await client.SendAsync(Place(token, "p2"));
        await client.ExpectOpAsync("place_order", "p2");
        await client.SendAsync($$"""{"op":"cancel_order","cid":"c3","token":"{{token}}","symbol":"BTC/USDT","order_nos":[]}""");
        Assert.DoesNotContain(await client.DrainUntilPongAsync("y"), f => Str(f, "op") == "cancel_order");
    }

    [Fact]
    public async Task Quirk_position_on_spot_gets_no_reply()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        var quirks = await control.SetQuirksAsync(new QuantGatewayQuirks { PositionOnSpotNoReply = true });
        Assert.True(quirks.GetProperty("position_on_spot_no_reply").GetBoolean());
        await client.SendAsync($$"""{"op":"position","cid":"p","token":"{{token}}","symbol":"BTC/USDT"}""");
        Assert.Empty(await client.DrainUntilPongAsync("x"));
    }

    [Fact]
    public async Task Quirk_no_partial_filled_on_spot_drops_partial_notifies()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.SetQuirksAsync(new QuantGatewayQuirks { NoPartialFilledOnSpot = true });
        await client.SendAsync(Place(token, "p", quantity: "0.8", price: "50005"));
        var frames = await client.DrainUntilPongAsync("x");
        Assert.Equal(["SUBMITTED"], frames.Where(f => Str(f, "topic") == "order").Select(f => Str(f.GetProperty("data"), "status")));
        Assert.DoesNotContain(frames, f => Str(f, "topic") == "fill");

        await client.SendAsync($$"""{"op":"open_orders","cid":"o","token":"{{token}}","symbol":"BTC/USDT"}""");
        Assert.Empty(await client.DrainUntilPongAsync("z"));
    }

    [Fact]
    public async Task Quirk_notify_before_reply_on_futures()
    {
        var (host, control, client, token) = await StartAsync(futures: true);
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.SetQuirksAsync(new QuantGatewayQuirks { NotifyBeforeReplyOnFutures = true });
        await client.SendAsync(Place(token, "f", "BTC200925", "BUY", "1", "0", "MARKET"));
        var (reply, before) = await client.ExpectAsync(f => Str(f, "op") == "place_order");
        Assert.Equal(["order", "order", "fill"], before.Where(f => Str(f, "topic") is "order" or "fill").Select(f => Str(f, "topic")));
        Assert.True(reply.GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Quirk_execute_before_ready()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options(new QuantGatewayOptions { ReadyDelay = TimeSpan.FromSeconds(1), IdleTimeout = TimeSpan.FromHours(1), Quirks = new() { ExecuteBeforeReady = true } });
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options, timeProvider: clock);
        await using var client = await ConnectAsync(host);
        await client.SendAsync("""{"op":"login","cid":"L","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}""");
        var token = Str(await client.ExpectOpAsync("login", "L"), "token")!;
        await client.SendAsync(Place(token, "early"));
        Assert.True((await client.ExpectOpAsync("place_order", "early")).GetProperty("result").GetBoolean());
        await client.SendAsync($$"""{"op":"symbol_info","cid":"s","token":"{{token}}","symbol":"BTC/USDT"}""");
        Assert.Equal("Symbol not exist", Str(await client.ExpectOpAsync("symbol_info", "s"), "error_message"));
    }

    [Fact]
    public async Task Quirk_duplicate_after_relogin_doubles_state_and_notifications()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.SetQuirksAsync(QuantGatewayQuirks.RealServer);
        await client.SendAsync($$"""{"op":"logout","cid":"o","token":"{{token}}"}""");
        await client.ExpectOpAsync("logout", "o");

        await client.SendAsync("""{"op":"login","cid":"L2","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}""");
        await client.ExpectOpAsync("login", "L2");
        var frames = await client.DrainUntilPongAsync("x");
        Assert.Equal([2, 2, 6, 6], frames.Where(f => Str(f, "op") == "state").Select(f => f.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Quirk_asset_notify_free_only()
    {
        var (host, control, client, token) = await StartAsync();
        await using var hostScope = host;
        using var controlScope = control;
        await using var clientScope = client;
        await control.SetQuirksAsync(new QuantGatewayQuirks { AssetNotifyFreeOnly = true });
        await client.SendAsync(Place(token, "p"));
        var asset = (await client.DrainUntilPongAsync("x")).Single(f => Str(f, "topic") == "asset").GetProperty("data").GetProperty("USDT");
        Assert.Equal((0m, 0m), (asset.GetProperty("locked").GetDecimal(), asset.GetProperty("total").GetDecimal()));
        Assert.True(asset.GetProperty("free").GetDecimal() > 0m);
    }

    [Fact]
    public async Task Market_control_steps_deterministically_per_seed()
    {
        await using var a = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var b = await SimulatorHost.StartAsync("quant-gateway", Options());
        using var ca = a.CreateControlClient();
        using var cb = b.CreateControlClient();
        var ma = await ca.MarketAsync(new MarketCommand { Steps = 5 });
        var mb = await cb.MarketAsync(new MarketCommand { Steps = 5 });
        Assert.Equal(ma.OrderBy(p => p.Key, StringComparer.Ordinal), mb.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.NotEqual(50000m, ma["BTC/USDT"]);
    }
}
