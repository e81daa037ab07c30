using System.Numerics;
using System.Text.Json.Nodes;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.DBot;

namespace Engine.Simulator.Tests.DBot;

/// <summary>§2.4: the subscription and its filter, copy trades from synthetic leader activity, failures only in the push, TP/SL and swaps.</summary>
public class DBotTradeResultTests
{
    [Fact]
    public async Task An_enabled_follow_order_copies_its_leader_and_the_trade_result_is_pushed()
    {
        var (h, clock) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        Assert.Equal("""{"method":"subscribeResponse","result":{"message":"Connected and subscribed"}}""", (await client.SubscribeAsync()).GetRawText());
        var id = await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        await client.CreateAsync(DBotTestClient.FollowOrder("disabled", enabled: false));

        Assert.Equal(1, DBotTestClient.Venue(host).LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: true));
        var result = (await client.TradeResultAsync()).GetProperty("result");
        Assert.StartsWith(id + "_", result.GetProperty("id").GetString());
        Assert.Equal("done", result.GetProperty("state").GetString());
        Assert.Equal("follow_order", result.GetProperty("source").GetString());
        Assert.Equal("buy", result.GetProperty("type").GetString());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), result.GetProperty("timestamp").GetInt64());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), result.GetProperty("createAt").GetInt64());
        Assert.Equal("500000000", result.GetProperty("send").GetProperty("amount").GetString());
        Assert.Equal("SOL", result.GetProperty("send").GetProperty("info").GetProperty("symbol").GetString());
        Assert.True(BigInteger.Parse(result.GetProperty("receive").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("5000000", result.GetProperty("dbotFee").GetString());
        Assert.True(result.GetProperty("block").GetInt64() > 0);

        Assert.Equal(1, DBotTestClient.Venue(host).LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: false));
        var sell = (await client.TradeResultAsync()).GetProperty("result");
        Assert.Equal("sell", sell.GetProperty("type").GetString());
        Assert.Equal(result.GetProperty("receive").GetProperty("amount").GetString(), sell.GetProperty("send").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task A_failed_copy_trade_is_reported_only_in_the_push_with_E_OTHERS()
    {
        var (h, _) = await DBotTestClient.StartAsync(new DBotOptions { ActivityInterval = TimeSpan.Zero, FailRate = 1.0 });
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SubscribeAsync();
        await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        DBotTestClient.Venue(host).LeaderTrade(DBotTestClient.Leader, "WIF", buy: true);
        var result = (await client.TradeResultAsync()).GetProperty("result");
        Assert.Equal("fail", result.GetProperty("state").GetString());
        Assert.Equal("buy", result.GetProperty("type").GetString());
        Assert.Equal("E_OTHERS", result.GetProperty("errorCode").GetString());
        Assert.Equal("null", result.GetProperty("hash").GetRawText());
        Assert.Equal("null", result.GetProperty("timestamp").GetRawText());
    }

    [Fact]
    public async Task The_latest_filter_replaces_the_old_one_and_the_subscription_belongs_to_the_connection()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SubscribeAsync("follow_buy_success");
        await client.SubscribeAsync("follow_sell_success");
        await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        var venue = DBotTestClient.Venue(host);
        venue.LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: true);
        venue.LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: false);
        var first = await client.TradeResultAsync();
        Assert.Equal("sell", first.GetProperty("result").GetProperty("type").GetString());

        await using var other = await DBotTestClient.ConnectAsync(host);
        venue.LeaderTrade(DBotTestClient.Leader, "WIF", buy: true);
        await other.SubscribeAsync();
        venue.LeaderTrade(DBotTestClient.Leader, "WIF", buy: false);
        var onOther = await other.TradeResultAsync();
        Assert.Equal("sell", onOther.GetProperty("result").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_free_plan_cannot_subscribe(bool closes)
    {
        var (h, _) = await DBotTestClient.StartAsync(new DBotOptions { ActivityInterval = TimeSpan.Zero, FreePlan = true, FreePlanClosesSocket = closes });
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        if (closes)
        {
            await client.SendAsync("""{"method":"subscribeTradeResults","tradeTypeFilter":[]}""");
            await client.WaitClosedAsync();
            Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, client.Socket.CloseStatus);
        }
        else
        {
            var response = await client.SubscribeAsync();
            Assert.Contains("Free plan", response.GetProperty("result").GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task A_copy_buy_creates_TP_SL_tasks_that_fire_on_the_synthetic_price_and_closePnlOrder_disables_them()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SubscribeAsync();
        var order = DBotTestClient.FollowOrder("copy-tp");
        order["sellSettings"] = new JsonObject { ["mode"] = "mixed", ["stopEarnPercent"] = "0.5", ["stopLossPercent"] = 0.2 };
        var id = await client.CreateAsync(order);
        var venue = DBotTestClient.Venue(host);
        venue.LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: true);
        var buy = (await client.TradeResultAsync()).GetProperty("result");

        var tasks = (await client.CallAsync("listPnlOrdersFromFollowOrder", new JsonObject { ["page"] = 0, ["size"] = 20, ["sourceId"] = id })).GetProperty("res");
        Assert.Equal(2, tasks.GetArrayLength());
        Assert.All(tasks.EnumerateArray(), t => Assert.Equal(buy.GetProperty("id").GetString(), t.GetProperty("sourceTradeId").GetString()));

        venue.ApplyMarket(new MarketCommand { Symbol = "POPCAT", Mid = 10m });
        var takeProfit = (await client.TradeResultAsync()).GetProperty("result");
        Assert.Equal("follow_take_profit", takeProfit.GetProperty("subSource").GetString());
        Assert.Equal("limit_order", takeProfit.GetProperty("source").GetString());
        Assert.Equal("sell", takeProfit.GetProperty("type").GetString());
        var states = (await client.CallAsync("listPnlOrdersFromFollowOrder", new JsonObject { ["sourceId"] = id })).GetProperty("res")
            .EnumerateArray().Select(t => t.GetProperty("state").GetString()).Order().ToList();
        Assert.Equal(["done", "expired"], states);

        venue.LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: true);
        await client.TradeResultAsync();
        await client.CallAsync("batchToggleFollowOrder", new JsonObject { ["ids"] = new JsonArray(id), ["enabled"] = false, ["closePnlOrder"] = true });
        var open = (await client.CallAsync("listPnlOrdersFromFollowOrder", new JsonObject { ["sourceId"] = id, ["state"] = "init" })).GetProperty("res");
        Assert.Equal(2, open.GetArrayLength());
        Assert.All(open.EnumerateArray(), t => Assert.False(t.GetProperty("enabled").GetBoolean()));
    }

    [Fact]
    public async Task A_fast_swap_answers_its_id_and_reports_the_trade_in_a_push_and_in_the_task()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SubscribeAsync("swap_buy_success", "swap_sell_success");
        var created = await client.CallAsync("createSwapOrder", new JsonObject
        {
            ["chain"] = "ethereum", ["pair"] = "0xa43fe16908251ee70ef74718545e4fe6c5ccec9f", ["walletId"] = "eth-main", ["type"] = "buy", ["amountOrPercent"] = 0.05,
        });
        var id = created.GetProperty("res").GetProperty("id").GetString()!;
        var result = (await client.TradeResultAsync()).GetProperty("result");
        Assert.Equal(id, result.GetProperty("id").GetString());
        Assert.Equal("50000000000000000", result.GetProperty("send").GetProperty("amount").GetString());
        var swap = (await client.CallAsync("getSwapOrder", new JsonObject { ["orderId"] = id })).GetProperty("res");
        Assert.Equal("done", swap.GetProperty("state").GetString());

        var sold = await client.CallAsync("createSwapOrder", new JsonObject
        {
            ["chain"] = "ethereum", ["pair"] = "0xa43fe16908251ee70ef74718545e4fe6c5ccec9f", ["walletId"] = "eth-main", ["type"] = "sell", ["amountOrPercent"] = "1",
        });
        var sellId = sold.GetProperty("res").GetProperty("id").GetString()!;
        var sell = (await client.TradeResultAsync()).GetProperty("result");
        Assert.Equal(sellId + "_sell", sell.GetProperty("id").GetString());
        Assert.Equal(result.GetProperty("receive").GetProperty("amount").GetString(), sell.GetProperty("send").GetProperty("amount").GetString());
    }
}
