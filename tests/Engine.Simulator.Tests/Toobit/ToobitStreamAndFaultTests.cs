using System.Net;
using System.Net.WebSockets;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.Toobit;
using static Engine.Simulator.Tests.Toobit.ToobitTradingTests;

namespace Engine.Simulator.Tests.Toobit;

/// <summary>Listen keys, the stream's heartbeat and limits, rate limits and injected faults.</summary>
public class ToobitStreamAndFaultTests
{
    [Fact]
    public async Task Listen_keys_are_reused_extended_deleted_and_expire()
    {
        await using var t = await ToobitTestClient.StartAsync();
        var first = S((await t.SignedAsync(HttpMethod.Post, "/api/v1/userDataStream", [], Placement.Body)).Body, "listenKey")!;
        Assert.Equal(first, S((await t.SignedAsync(HttpMethod.Post, "/api/v1/listenKey", [], Placement.Body)).Body, "listenKey"));
        t.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Put, "/api/v1/userDataStream", [("listenKey", first)], Placement.Body)).Status);
        t.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Put, "/api/v1/listenKey", [("listenKey", first)], Placement.Body)).Status);
        t.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal("-1125", (await t.SignedAsync(HttpMethod.Put, "/api/v1/userDataStream", [("listenKey", first)], Placement.Body)).Code);

        var second = S((await t.SignedAsync(HttpMethod.Post, "/api/v1/userDataStream", [], Placement.Body)).Body, "listenKey")!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Delete, "/api/v1/userDataStream", [("listenKey", second)], Placement.Body)).Status);
        Assert.Equal("-1125", (await t.SignedAsync(HttpMethod.Delete, "/api/v1/userDataStream", [("listenKey", second)], Placement.Body)).Code);
    }

    [Fact]
    public async Task The_stream_ignores_an_empty_object_answers_pings_and_closes_when_flooded()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        await stream.SendAsync("{}");
        await stream.SendAsync("{\"ping\":1668481902307}");
        Assert.Equal("{\"pong\":1668481902307}", await stream.NextFrameAsync());
        for (var i = 0; i < 5; i++)
        {
            await stream.SendAsync("{\"ping\":" + i + "}");
        }

        await stream.ClosedAsync();
        Assert.NotEqual(WebSocketState.Open, stream.Socket.State);
    }

    [Fact]
    public async Task A_stream_without_pings_is_dropped_and_an_unknown_key_is_refused()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        t.Clock.Advance(TimeSpan.FromMinutes(5));
        await stream.ClosedAsync();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ToobitStream.ConnectAsync(t.Host, "no-such-key"));
        Assert.NotNull(refused);
    }

    [Fact]
    public async Task Revoking_the_listen_key_closes_the_stream()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        using var control = t.Host.CreateControlClient();
        Assert.Equal(1, await control.InjectStateAsync(new StateInjection { Codes = [3] }));
        await stream.ClosedAsync();
        Assert.Equal("-1125", (await t.SignedAsync(HttpMethod.Put, "/api/v1/userDataStream", [("listenKey", stream.ListenKey)], Placement.Body)).Code);
    }

    [Fact]
    public async Task A_5xx_executes_the_order_and_a_query_by_client_id_finds_it()
    {
        await using var t = await ToobitTestClient.StartAsync();
        using var control = t.Host.CreateControlClient();
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcome, Op = "POST /api/v1/spot/order" });
        var placed = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "0.01"), ("price", "40000"), ("newClientOrderId", "unknown-1")], Placement.Body);
        Assert.Equal((HttpStatusCode.InternalServerError, "-1006"), (placed.Status, placed.Code));
        Assert.Equal("NEW", S((await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/order", [("origClientOrderId", "unknown-1")])).Body, "status"));

        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcomeNotExecuted, Op = "POST /api/v1/spot/order" });
        var lost = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "0.01"), ("price", "40000"), ("newClientOrderId", "unknown-2")], Placement.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.Status);
        Assert.Equal("-2013", (await t.SignedAsync(HttpMethod.Get, "/api/v1/spot/order", [("origClientOrderId", "unknown-2")])).Code);
    }

    [Fact]
    public async Task Weight_429_carries_retry_after_order_429_does_not_and_repeats_escalate_to_418()
    {
        await using var t = await ToobitTestClient.StartAsync(new ToobitOptions { RequestWeightPerMinute = 12, OrdersPerInterval = 1, BanAfterRepeatedLimits = 1 });
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "0.01"), ("price", "40000")], Placement.Body)).Status);
        var orders = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "0.01"), ("price", "40000")], Placement.Body);
        Assert.Equal(((HttpStatusCode)429, "-1015", (string?)null), (orders.Status, orders.Code, orders.RetryAfter));
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Status); // 1 + 5 = 6
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Status); // 11
        var weight = await t.SignedAsync(HttpMethod.Get, "/api/v1/account", []);
        Assert.Equal(((HttpStatusCode)429, "-1003"), (weight.Status, weight.Code));
        Assert.NotNull(weight.RetryAfter);
        Assert.Equal((HttpStatusCode)418, (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Status);
        t.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Status);
    }

    [Fact]
    public async Task Injected_rate_limit_ban_and_push_before_reply()
    {
        await using var t = await ToobitTestClient.StartAsync();
        await using var stream = await t.OpenStreamAsync();
        using var control = t.Host.CreateControlClient();
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.RateLimit, Op = "GET /api/v1/account", DelayMs = 3000 });
        var limited = await t.SignedAsync(HttpMethod.Get, "/api/v1/account", []);
        Assert.Equal(((HttpStatusCode)429, "3"), (limited.Status, limited.RetryAfter));
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.Banned, Op = "GET /api/v1/account" });
        Assert.Equal((HttpStatusCode)418, (await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [])).Status);

        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.NotifyBeforeReply, Op = "POST /api/v1/spot/order" });
        var placed = await t.SignedAsync(HttpMethod.Post, "/api/v1/spot/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "0.01"), ("price", "40000"), ("newClientOrderId", "early")], Placement.Body);
        Assert.Equal(HttpStatusCode.OK, placed.Status);
        Assert.Equal("NEW", S(await stream.EventAsync("executionReport", e => S(e, "c") == "early"), "X"));

        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.DropReply, Op = "GET /api/v1/account" });
        await Assert.ThrowsAsync<HttpRequestException>(() => t.SignedAsync(HttpMethod.Get, "/api/v1/account", []));
    }
}
