using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Tests.DBot;

/// <summary>§2.3 follow orders: full-replacement edit, toggles with <c>closePnlOrder</c> spellings, batch atomicity, delete, paging.</summary>
public class DBotFollowOrderTests
{
    [Fact]
    public async Task Create_list_toggle_and_delete_a_follow_order()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var id = await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));

        var listed = (await client.CallAsync("listFollowOrders", new JsonObject { ["page"] = 0, ["size"] = 20, ["chain"] = "solana" })).GetProperty("res");
        var order = Assert.Single(listed.EnumerateArray());
        Assert.Equal(id, order.GetProperty("id").GetString());
        Assert.Equal("demo-dbot", order.GetProperty("accountId").GetString());
        Assert.True(order.GetProperty("enabled").GetBoolean());
        Assert.Equal("0.5", order.GetProperty("buySettings").GetProperty("maxBuyAmountUI").GetString());

        await client.CallAsync("updateFollowOrder", new JsonObject { ["id"] = id, ["enabled"] = false, ["closePnlOrder"] = true });
        Assert.False((await ListAsync(client)).Single().GetProperty("enabled").GetBoolean());

        var deleted = await client.CallAsync("deleteFollowOrders", new JsonObject { ["ids"] = new JsonArray(id) });
        Assert.False(deleted.GetProperty("err").GetBoolean());
        Assert.Empty(await ListAsync(client));
    }

    [Fact]
    public async Task An_edit_replaces_the_whole_object_and_omitted_fields_return_to_their_defaults()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var id = await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        var full = JsonNode.Parse((await ListAsync(client)).Single().GetRawText())!.AsObject();
        Assert.Equal(0.2m, full["buySettings"]!["maxSlippage"]!.GetValue<decimal>());

        var partial = new JsonObject
        {
            ["id"] = id, ["name"] = "renamed", ["chain"] = "solana", ["targetIds"] = new JsonArray(DBotTestClient.Leader),
            ["walletId"] = "sol-main", ["buySettings"] = new JsonObject { ["maxBuyAmountUI"] = "0.5" },
        };
        Assert.False((await client.CallAsync("createOrUpdateFollowOrder", partial)).GetProperty("err").GetBoolean());
        var after = (await ListAsync(client)).Single();
        Assert.Equal("renamed", after.GetProperty("name").GetString());
        Assert.False(after.GetProperty("enabled").GetBoolean());
        Assert.Equal(0.1m, after.GetProperty("buySettings").GetProperty("maxSlippage").GetDecimal());

        full["name"] = "full-edit";
        Assert.False((await client.CallAsync("createOrUpdateFollowOrder", full)).GetProperty("err").GetBoolean());
        var restored = (await ListAsync(client)).Single();
        Assert.True(restored.GetProperty("enabled").GetBoolean());
        Assert.Equal(0.2m, restored.GetProperty("buySettings").GetProperty("maxSlippage").GetDecimal());
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"true\"", false)]
    [InlineData("\"no\"", true)]
    [InlineData("0", true)]
    public async Task ClosePnlOrder_is_a_boolean_or_its_string_and_anything_else_is_refused(string closePnl, bool refused)
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var id = await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        await client.SendAsync($$$"""{"id":77,"method":"batchToggleFollowOrder","params":{"ids":["{{{id}}}"],"enabled":false,"closePnlOrder":{{{closePnl}}}}}""");
        var result = (await client.ExpectAsync(f => DBotTestClient.IsReply(f, "77"))).GetProperty("result");
        Assert.Equal(refused, result.GetProperty("err").GetBoolean());
        Assert.Equal(refused, (await ListAsync(client)).Single().GetProperty("enabled").GetBoolean());
        if (refused)
        {
            Assert.Contains("closePnlOrder must be true or false", result.GetProperty("res").GetString());
        }
    }

    [Fact]
    public async Task A_batch_with_an_unknown_id_is_refused_naming_it_and_changes_nothing()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var a = await client.CreateAsync(DBotTestClient.FollowOrder("a"));
        var b = await client.CreateAsync(DBotTestClient.FollowOrder("b"));

        var toggled = await client.CallAsync("batchToggleFollowOrder", new JsonObject { ["ids"] = new JsonArray(a, "m0000000000zzz", b), ["enabled"] = false, ["closePnlOrder"] = false });
        Assert.True(toggled.GetProperty("err").GetBoolean());
        Assert.Contains("m0000000000zzz", toggled.GetProperty("res").GetString());
        Assert.All(await ListAsync(client), o => Assert.True(o.GetProperty("enabled").GetBoolean()));

        var wallet = await client.CallAsync("batchUpdateFollowOrder", new JsonObject { ["ids"] = new JsonArray(a, b), ["walletId"] = "sol-alt" });
        Assert.False(wallet.GetProperty("err").GetBoolean());
        Assert.All(await ListAsync(client), o => Assert.Equal("sol-alt", o.GetProperty("walletId").GetString()));

        var wrongChain = await client.CallAsync("batchUpdateFollowOrder", new JsonObject { ["ids"] = new JsonArray(a), ["walletId"] = "eth-main" });
        Assert.True(wrongChain.GetProperty("err").GetBoolean());

        var legacy = await client.CallAsync("deleteFollowOrders", new JsonObject { ["id"] = new JsonArray(a, b) });
        Assert.False(legacy.GetProperty("err").GetBoolean());
        Assert.Empty(await ListAsync(client));
    }

    [Fact]
    public async Task Invalid_follow_orders_are_refused_with_the_field_named()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        var noAmount = DBotTestClient.FollowOrder("x");
        noAmount["buySettings"] = new JsonObject();
        Assert.Contains("maxBuyAmountUI", (await client.CallAsync("createOrUpdateFollowOrder", noAmount)).GetProperty("res").GetString());
        var foreignWallet = DBotTestClient.FollowOrder("y");
        foreignWallet["walletId"] = "eth-main";
        Assert.Contains("walletId 'eth-main'", (await client.CallAsync("createOrUpdateFollowOrder", foreignWallet)).GetProperty("res").GetString());
        var tooMany = DBotTestClient.FollowOrder("z");
        tooMany["targetIds"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)JsonValue.Create($"addr{i}"))]);
        Assert.Contains("targetIds has 11", (await client.CallAsync("createOrUpdateFollowOrder", tooMany)).GetProperty("res").GetString());
    }

    [Fact]
    public async Task Pages_are_zero_based_and_hold_at_most_20()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        for (var i = 0; i < 23; i++)
        {
            await client.CreateAsync(DBotTestClient.FollowOrder($"copy-{i}"));
        }

        var first = (await client.CallAsync("listFollowOrders", new JsonObject { ["page"] = 0, ["size"] = 100 })).GetProperty("res");
        var second = (await client.CallAsync("listFollowOrders", new JsonObject { ["page"] = 1, ["size"] = 20 })).GetProperty("res");
        Assert.Equal(20, first.GetArrayLength());
        Assert.Equal(["copy-20", "copy-21", "copy-22"], second.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    private static async Task<List<JsonElement>> ListAsync(DBotTestClient client) =>
        [.. (await client.CallAsync("listFollowOrders", new JsonObject { ["page"] = 0, ["size"] = 20 })).GetProperty("res").EnumerateArray()];
}
