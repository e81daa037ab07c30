using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.Binance;

/// <summary>Rate limits over the socket (§7.4) and the fault controls: serverShutdown, disconnects, revocation, unknown outcome.</summary>
public class BinanceLimitAndFaultTests
{
    [Fact]
    public async Task Weight_over_the_limit_gets_429_then_repeating_gets_418_and_a_disconnect()
    {
        var (h, clock) = await BinanceTestClient.StartAsync(new BinanceOptions { RateLimits = new BinanceRateLimitOptions { WeightPerMinute = 5 } });
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(200, (await client.RequestAsync(i, "ping")).GetProperty("status").GetInt32());
        }

        var tooMany = await client.RequestAsync(4, "ping");
        Assert.Equal(429, tooMany.GetProperty("status").GetInt32());
        Assert.Equal(-1003, tooMany.GetProperty("error").GetProperty("code").GetInt32());
        var minuteEnd = new DateTimeOffset(2026, 1, 5, 12, 1, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(minuteEnd, tooMany.GetProperty("error").GetProperty("data").GetProperty("retryAfter").GetInt64());
        Assert.Equal(5, tooMany.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());

        clock.Advance(TimeSpan.FromSeconds(1));
        var banned = await client.RequestAsync(5, "ping");
        GoldenFrame.AssertShape("ban_response.json", banned);
        Assert.Equal(418, banned.GetProperty("status").GetInt32());
        var banEnd = clock.GetUtcNow().AddMinutes(2).ToUnixTimeMilliseconds();
        Assert.Equal(banEnd, banned.GetProperty("error").GetProperty("data").GetProperty("retryAfter").GetInt64());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), banned.GetProperty("error").GetProperty("data").GetProperty("serverTime").GetInt64());
        Assert.Equal($"Way too much request weight used; IP banned until {banEnd}. Please use WebSocket Streams for live updates to avoid bans.", banned.GetProperty("error").GetProperty("msg").GetString());
        await client.WaitClosedAsync();
        await Assert.ThrowsAsync<WebSocketException>(() => BinanceTestClient.ConnectAsync(host));

        clock.Advance(TimeSpan.FromMinutes(2));
        await using var after = await BinanceTestClient.ConnectAsync(host);
        Assert.Equal(200, (await after.RequestAsync(1, "ping")).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Orders_over_the_ten_second_limit_get_429_with_1015()
    {
        var (h, clock) = await BinanceTestClient.StartAsync(new BinanceOptions { RateLimits = new BinanceRateLimitOptions { OrdersPerTenSeconds = 1 } });
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        JsonObject Order() => BinanceTestClient.SignHmac(new JsonObject { ["symbol"] = "BTCUSDT", ["side"] = "BUY", ["type"] = "LIMIT", ["timeInForce"] = "GTC", ["price"] = "40000", ["quantity"] = "0.01" }, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var first = await client.RequestAsync(1, "order.place", Order());
        Assert.Equal(1, first.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());
        var second = await client.RequestAsync(2, "order.place", Order());
        BinanceProtocolTests.AssertError(second, 429, -1015, "Too many new orders; current limit is 1 orders per 10 SECOND.");
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 12, 0, 40, TimeSpan.Zero).ToUnixTimeMilliseconds(), second.GetProperty("error").GetProperty("data").GetProperty("retryAfter").GetInt64());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await client.RequestAsync(3, "order.place", Order())).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Server_shutdown_on_demand_reaches_every_connection_without_a_subscription_id()
    {
        var (h, _) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var a = await BinanceTestClient.ConnectAsync(host);
        await using var b = await BinanceTestClient.ConnectAsync(host);
        await a.RequestAsync(1, "ping");
        await b.RequestAsync(1, "ping");
        using var control = host.CreateControlClient();
        Assert.Equal(2, await control.InjectStateAsync(new StateInjection { Codes = [1] }));
        foreach (var client in new[] { a, b })
        {
            var shutdown = await client.EventAsync("serverShutdown");
            GoldenFrame.AssertShape("server_shutdown_event.json", shutdown);
        }

        await control.InjectStateAsync(new StateInjection { Codes = [2] });
        await a.WaitClosedAsync();
        await b.WaitClosedAsync();
    }

    [Fact]
    public async Task Fault_rules_disconnect_rate_limit_and_shut_down_per_method()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        using var control = host.CreateControlClient();
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.RateLimit, Op = "time" });
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.ServerShutdown, Op = "ping" });
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.Disconnect, Op = "exchangeInfo" });
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var limited = await client.RequestAsync(1, "time");
        Assert.Equal((429, -1003), (limited.GetProperty("status").GetInt32(), limited.GetProperty("error").GetProperty("code").GetInt32()));
        var retryAfter = DateTimeOffset.FromUnixTimeMilliseconds(limited.GetProperty("error").GetProperty("data").GetProperty("retryAfter").GetInt64());
        clock.Advance(retryAfter - clock.GetUtcNow());
        await client.RequestAsync(2, "ping");
        await client.EventAsync("serverShutdown");
        await client.SendAsync("""{"id":3,"method":"exchangeInfo"}""");
        await client.WaitClosedAsync();
        Assert.DoesNotContain(client.Pending(), f => f.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == 3);
        Assert.Empty(await control.GetFaultsAsync());
    }

    [Fact]
    public async Task Unknown_outcome_executes_the_order_and_answers_1007_and_events_can_precede_the_reply()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        using var control = host.CreateControlClient();
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcome, Op = "order.place" });
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.NotifyBeforeReply, Op = "order.place", Count = 0 });
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await client.RequestAsync(1, "userDataStream.subscribe.signature", BinanceTestClient.SignHmac([], ts));
        var order = new JsonObject { ["symbol"] = "BTCUSDT", ["side"] = "BUY", ["type"] = "LIMIT", ["timeInForce"] = "GTC", ["price"] = "40000", ["quantity"] = "0.01", ["newClientOrderId"] = "unknown-1" };
        var response = await client.RequestAsync(2, "order.place", BinanceTestClient.SignHmac(order, ts));
        BinanceProtocolTests.AssertError(response, 400, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
        var pendingBeforeReply = client.Pending();
        Assert.Contains(pendingBeforeReply, f => f.TryGetProperty("event", out var e) && e.GetProperty("e").GetString() == "executionReport");
        var status = await client.RequestAsync(3, "order.status", BinanceTestClient.SignHmac(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "unknown-1" }, ts));
        Assert.Equal("NEW", status.GetProperty("result").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_outcome_not_executed_answers_1007_and_leaves_no_order()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        using var control = host.CreateControlClient();
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcomeNotExecuted, Op = "order.place" });
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var order = new JsonObject { ["symbol"] = "BTCUSDT", ["side"] = "BUY", ["type"] = "LIMIT", ["timeInForce"] = "GTC", ["price"] = "40000", ["quantity"] = "0.01", ["newClientOrderId"] = "lost-1" };
        Assert.Equal(-1007, (await client.RequestAsync(1, "order.place", BinanceTestClient.SignHmac(order, ts))).GetProperty("error").GetProperty("code").GetInt32());
        var status = await client.RequestAsync(2, "order.status", BinanceTestClient.SignHmac(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "lost-1" }, ts));
        Assert.Equal(-2013, status.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Revoked_key_answers_the_next_request_with_401_and_a_null_id()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        await client.RequestAsync(1, "session.logon", BinanceTestClient.SignEd25519([], clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await client.RequestAsync(2, "userDataStream.subscribe");
        using var control = host.CreateControlClient();
        await control.InjectStateAsync(new StateInjection { Codes = [4] });
        await client.SendAsync("""{"id":3,"method":"session.status"}""");
        var revoked = await client.ExpectAsync(f => f.TryGetProperty("status", out _));
        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("id").ValueKind);
        BinanceProtocolTests.AssertError(revoked, 401, -2015, "Invalid API-key, IP, or permissions for action.");
        Assert.Equal(0, (await client.EventAsync("eventStreamTerminated")).GetProperty("subscriptionId").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await client.RequestAsync(4, "session.status")).GetProperty("result").GetProperty("apiKey").ValueKind);
    }

    [Fact]
    public async Task Connections_are_closed_at_the_maximum_age_on_the_simulator_clock()
    {
        var (h, clock) = await BinanceTestClient.StartAsync(new BinanceOptions { MaxConnectionAge = TimeSpan.FromHours(1) });
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        await client.RequestAsync(1, "ping");
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(200, (await client.RequestAsync(2, "ping")).GetProperty("status").GetInt32());
        clock.Advance(TimeSpan.FromMinutes(1));
        await client.WaitClosedAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
    }
}
