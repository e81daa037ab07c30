using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Engine.Simulator.Venues.DBot;

namespace Engine.Simulator.Tests.DBot;

/// <summary>Reference §2.1 and "what the simulator must do": key on the upgrade, both paths, envelopes, raw id echo, bad input.</summary>
public class DBotProtocolTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task The_upgrade_without_a_known_key_is_refused_with_401(string? key)
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        if (key is not null)
        {
            client.Options.SetRequestHeader("X-API-KEY", key);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(new Uri($"ws://127.0.0.1:{host.Port}/trade/ws"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, client.HttpStatusCode);
    }

    [Theory]
    [InlineData("/trade/ws")]
    [InlineData("/trade/ws/")]
    public async Task Both_path_spellings_serve_the_trading_socket_and_the_header_name_is_case_insensitive(string path)
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host, path: path);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, client.Socket.HttpStatusCode);
        var result = await client.CallAsync("listFollowOrders", new JsonObject { ["page"] = 0, ["size"] = 20, ["chain"] = "solana" });
        Assert.Equal("""{"err":false,"res":[]}""", result.GetRawText());
    }

    [Theory]
    [InlineData("1761291309")]
    [InlineData("\"req-7\"")]
    [InlineData("9007199254740993")]
    public async Task The_rpc_id_is_echoed_raw_whatever_its_type(string rawId)
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SendAsync($$$"""{"id":{{{rawId}}},"method":"listLimitOrders","params":{"page":0,"size":20}}""");
        var reply = await client.NextAsync();
        Assert.Equal("rpcResponse", reply.GetProperty("method").GetString());
        Assert.Equal(rawId, reply.GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task A_websocket_mutation_answers_only_err_false_and_a_create_answers_the_new_id()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var created = await client.CallAsync("createOrUpdateFollowOrder", DBotTestClient.FollowOrder("copy-1"));
        var id = created.GetProperty("res").GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-z]{14}$", id);
        var toggled = await client.CallAsync("batchToggleFollowOrder", new JsonObject { ["ids"] = new JsonArray(id), ["enabled"] = false, ["closePnlOrder"] = false });
        Assert.Equal("""{"err":false}""", toggled.GetRawText());
    }

    [Fact]
    public async Task Bad_input_is_answered_with_err_true_naming_the_problem()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);

        await client.SendAsync("{not json");
        var invalid = await client.NextAsync();
        Assert.Equal("null", invalid.GetProperty("id").GetRawText());
        Assert.True(invalid.GetProperty("result").GetProperty("err").GetBoolean());
        Assert.StartsWith("invalid JSON", invalid.GetProperty("result").GetProperty("res").GetString());

        var unknown = await client.CallAsync("teleportTokens");
        Assert.True(unknown.GetProperty("err").GetBoolean());
        Assert.Equal("unknown method 'teleportTokens'", unknown.GetProperty("res").GetString());

        await client.SendAsync("""{"method":"listFollowOrders","params":{}}""");
        var missingId = await client.NextAsync();
        Assert.Contains("has no 'id'", missingId.GetProperty("result").GetProperty("res").GetString());
    }

    [Fact]
    public async Task With_reply_to_bad_input_off_bad_frames_get_no_reply()
    {
        var (h, _) = await DBotTestClient.StartAsync(new DBotOptions { ActivityInterval = TimeSpan.Zero, ReplyToBadInput = false });
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SendAsync("{not json");
        await client.SendAsync("""{"id":5,"method":"teleportTokens","params":{}}""");
        await client.SendAsync("""{"id":6,"method":"listFollowOrders","params":{}}""");
        var first = await client.NextAsync();
        Assert.Equal("6", first.GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task Rate_limits_of_tier_1_refuse_the_61st_limit_order_creation_in_a_minute()
    {
        var (h, clock) = await DBotTestClient.StartAsync(new DBotOptions { ActivityInterval = TimeSpan.Zero, EnforceRateLimits = true, IdleTimeout = TimeSpan.FromHours(1) });
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var order = new JsonObject
        {
            ["chain"] = "solana", ["pair"] = "Hkj4kM5ZfpjjL8y6YJEXxWqvMjUbVZMGd2t5xxg2ZrBv", ["walletId"] = "sol-main",
            ["settings"] = new JsonArray(new JsonObject { ["tradeType"] = "buy", ["triggerPriceUsd"] = "0.1", ["triggerDirection"] = "down", ["currencyAmountUI"] = 0.1 }),
        };
        for (var i = 0; i < 60; i++)
        {
            Assert.False((await client.CallAsync("createLimitOrder", order.DeepClone().AsObject())).GetProperty("err").GetBoolean());
        }

        var refused = await client.CallAsync("createLimitOrder", order.DeepClone().AsObject());
        Assert.True(refused.GetProperty("err").GetBoolean());
        Assert.Contains("60 limit-order creations per minute", refused.GetProperty("res").GetString());

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await client.CallAsync("createLimitOrder", order)).GetProperty("err").GetBoolean());
    }
}
