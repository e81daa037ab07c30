using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Tests.Binance;

/// <summary>session.logon/status/logout (§4.4) and the user data stream subscriptions (§6.1).</summary>
public class BinanceSessionTests
{
    private const string E2 = "NBJq5sX1RkU7ta3XDctruMgnrhyBcouMvvPIxxQSCUbVWxhp3ai6W7a0Iip/3nOwmJxkVIv6n20cekYCOa5qAg==";

    [Fact]
    public async Task Ed25519_logon_with_the_rfc_vector_then_requests_need_only_a_timestamp()
    {
        var (h, clock) = await BinanceTestClient.StartAsync(start: DateTimeOffset.FromUnixTimeMilliseconds(1649729878532 + 98));
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        await client.SendAsync(GoldenFrame.Load("session_logon_request.json").GetRawText());
        var logon = await client.ExpectAsync(f => f.TryGetProperty("status", out _));
        Assert.Equal("c174a2b1-3f51-4580-b200-8528bd237cb7", logon.GetProperty("id").GetString());
        GoldenFrame.AssertShape("session_logon_response.json", logon);
        var result = logon.GetProperty("result");
        Assert.Equal(BinanceTestClient.Ed25519Key, result.GetProperty("apiKey").GetString());
        Assert.Equal(1649729878630, result.GetProperty("authorizedSince").GetInt64());
        Assert.True(result.GetProperty("returnRateLimits").GetBoolean());
        Assert.False(result.GetProperty("userDataStream").GetBoolean());

        var account = await client.RequestAsync(2, "account.status", new JsonObject { ["timestamp"] = clock.GetUtcNow().ToUnixTimeMilliseconds() });
        GoldenFrame.AssertShape("account_status_response.json", account);
        var balances = account.GetProperty("result").GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => b.GetProperty("free").GetString());
        Assert.Equal("100000.00000000", balances["USDT"]);
        Assert.Equal(-1102, (await client.RequestAsync(3, "account.status")).GetProperty("error").GetProperty("code").GetInt32());

        var status = (await client.RequestAsync(4, "session.status")).GetProperty("result");
        Assert.Equal(BinanceTestClient.Ed25519Key, status.GetProperty("apiKey").GetString());
        var logout = (await client.RequestAsync(5, "session.logout")).GetProperty("result");
        Assert.Equal(JsonValueKind.Null, logout.GetProperty("apiKey").ValueKind);
        Assert.Equal(JsonValueKind.Null, logout.GetProperty("authorizedSince").ValueKind);
        Assert.Equal(-1102, (await client.RequestAsync(6, "account.status", new JsonObject { ["timestamp"] = clock.GetUtcNow().ToUnixTimeMilliseconds() })).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Logon_with_an_hmac_key_or_a_tampered_ed25519_signature_fails_with_1022()
    {
        var (h, clock) = await BinanceTestClient.StartAsync(start: DateTimeOffset.FromUnixTimeMilliseconds(1649729878532 + 10));
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var hmac = await client.RequestAsync(1, "session.logon", new JsonObject { ["apiKey"] = BinanceTestClient.HmacKey, ["signature"] = "1cf54395b336b0a9727ef27d5d98987962bc47aca6e13fe978612d0adee066ed", ["timestamp"] = 1649729878532 });
        BinanceProtocolTests.AssertError(hmac, 400, -1022, "Signature for this request is not valid.");
        var tampered = await client.RequestAsync(2, "session.logon", new JsonObject { ["apiKey"] = BinanceTestClient.Ed25519Key, ["signature"] = E2, ["timestamp"] = 1649729878533 });
        BinanceProtocolTests.AssertError(tampered, 400, -1022, "Signature for this request is not valid.");
        Assert.Equal(JsonValueKind.Null, (await client.RequestAsync(3, "session.status")).GetProperty("result").GetProperty("apiKey").ValueKind);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), (await client.RequestAsync(4, "session.status")).GetProperty("result").GetProperty("serverTime").GetInt64());
    }

    [Fact]
    public async Task Subscriptions_allocate_ids_refuse_duplicates_and_terminate_on_unsubscribe_and_logout()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(-2015, (await client.RequestAsync(1, "userDataStream.subscribe")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(200, (await client.RequestAsync(2, "session.logon", BinanceTestClient.SignEd25519([], ts))).GetProperty("status").GetInt32());

        var first = await client.RequestAsync(3, "userDataStream.subscribe");
        GoldenFrame.AssertShape("subscribe_response.json", first);
        Assert.Equal(0, first.GetProperty("result").GetProperty("subscriptionId").GetInt32());
        BinanceProtocolTests.AssertError(await client.RequestAsync(4, "userDataStream.subscribe"), 400, -2035, "User Data Stream subscription already active.");
        var second = await client.RequestAsync(5, "userDataStream.subscribe.signature", BinanceTestClient.SignHmac([], ts));
        Assert.Equal(1, second.GetProperty("result").GetProperty("subscriptionId").GetInt32());
        Assert.True((await client.RequestAsync(6, "session.status")).GetProperty("result").GetProperty("userDataStream").GetBoolean());
        var list = (await client.RequestAsync(7, "session.subscriptions")).GetProperty("result").EnumerateArray().Select(s => s.GetProperty("subscriptionId").GetInt32());
        Assert.Equal([0, 1], list);

        Assert.Equal("{}", (await client.RequestAsync(8, "userDataStream.unsubscribe", new JsonObject { ["subscriptionId"] = 1 })).GetProperty("result").GetRawText());
        var terminated = await client.EventAsync("eventStreamTerminated");
        GoldenFrame.AssertShape("event_stream_terminated_event.json", terminated);
        Assert.Equal(1, terminated.GetProperty("subscriptionId").GetInt32());
        BinanceProtocolTests.AssertError(await client.RequestAsync(9, "userDataStream.unsubscribe", new JsonObject { ["subscriptionId"] = 1 }), 400, -2036, "User Data Stream subscription not active.");

        var resubscribed = await client.RequestAsync(10, "userDataStream.subscribe.signature", BinanceTestClient.SignHmac([], ts));
        Assert.Equal(2, resubscribed.GetProperty("result").GetProperty("subscriptionId").GetInt32());
        await client.RequestAsync(11, "session.logout");
        var byLogout = await client.EventAsync("eventStreamTerminated");
        Assert.Equal(0, byLogout.GetProperty("subscriptionId").GetInt32());
        var remaining = (await client.RequestAsync(12, "session.subscriptions")).GetProperty("result").EnumerateArray().Select(s => s.GetProperty("subscriptionId").GetInt32());
        Assert.Equal([2], remaining);
        await client.RequestAsync(13, "userDataStream.unsubscribe");
        Assert.Equal(2, (await client.EventAsync("eventStreamTerminated")).GetProperty("subscriptionId").GetInt32());
        Assert.Equal(-2036, (await client.RequestAsync(14, "userDataStream.unsubscribe")).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Balance_updates_reach_only_the_accounts_subscription()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await client.RequestAsync(1, "session.logon", BinanceTestClient.SignEd25519([], ts));
        await client.RequestAsync(2, "userDataStream.subscribe");
        await client.RequestAsync(3, "userDataStream.subscribe.signature", BinanceTestClient.SignHmac([], ts));
        var simulator = (Engine.Simulator.Venues.Binance.BinanceSimulator)host.Venue;
        Assert.True(simulator.AdjustBalance("demo-binance-hmac", "BTC", 1.5m));
        Assert.False(simulator.AdjustBalance("demo-binance-hmac", "BTC", -100m));
        var update = await client.EventAsync("balanceUpdate");
        GoldenFrame.AssertShape("balance_update_event.json", update);
        Assert.Equal(1, update.GetProperty("subscriptionId").GetInt32());
        Assert.Equal("1.50000000", update.GetProperty("event").GetProperty("d").GetString());
        var position = await client.EventAsync("outboundAccountPosition");
        Assert.Equal(1, position.GetProperty("subscriptionId").GetInt32());
        Assert.Equal("3.50000000", position.GetProperty("event").GetProperty("B")[0].GetProperty("f").GetString());
        Assert.DoesNotContain(client.Pending(), f => f.TryGetProperty("subscriptionId", out var s) && s.GetInt32() == 0);
    }
}
