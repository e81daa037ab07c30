using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.DBot;

namespace Engine.Simulator.Tests.DBot;

/// <summary>Loopback client of the DBot trading and data WebSockets (<see cref="JsonSocketClient"/>): RPC calls, follow orders, trade results.</summary>
public sealed class DBotTestClient : JsonSocketClient
{
    public const string Key = "demo-dbot-key";

    public const string Leader = "4Be9CvxqHW6BYiRAxW9Q3xu1ycTMWaL5z8NX4HR3ha7t";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private long nextId = 1_761_291_309;

    public static async Task<(SimulatorHost Host, ManualTimeProvider Clock)> StartAsync(DBotOptions? venue = null)
    {
        var clock = new ManualTimeProvider(Start);
        var options = new SimulatorOptions
        {
            Market = new MarketOptions { TickInterval = TimeSpan.Zero },
            DBot = venue ?? new DBotOptions { ActivityInterval = TimeSpan.Zero, FailRate = 0 },
        };
        return (await SimulatorHost.StartAsync("dbot", options, 0, null, clock), clock);
    }

    public static DBotSimulator Venue(SimulatorHost host) => (DBotSimulator)host.Venue;

    public static async Task<DBotTestClient> ConnectAsync(SimulatorHost host, string? key = Key, string path = "/trade/ws")
    {
        var client = new DBotTestClient();
        if (key is not null)
        {
            client.Socket.Options.SetRequestHeader("x-api-key", key);
        }

        client.Socket.Options.KeepAliveInterval = TimeSpan.Zero;
        client.Socket.Options.CollectHttpResponseDetails = true;
        await client.ConnectAsync(new Uri($"ws://127.0.0.1:{host.Port}{path}"));
        return client;
    }

    /// <summary>A follow order body with every required field, following <see cref="Leader"/> from wallet <c>sol-main</c>.</summary>
    public static JsonObject FollowOrder(string name, bool enabled = true) => new()
    {
        ["enabled"] = enabled,
        ["name"] = name,
        ["chain"] = "solana",
        ["dexFilter"] = null,
        ["targetIds"] = new JsonArray(Leader),
        ["tokenBlacklist"] = new JsonArray(),
        ["walletId"] = "sol-main",
        ["buySettings"] = new JsonObject { ["maxBuyAmountUI"] = "0.5", ["maxSlippage"] = 0.2 },
        ["sellSettings"] = new JsonObject { ["mode"] = "mixed" },
    };

    /// <summary>Sends an RPC with the next integer id and returns its <c>result</c>.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonObject? parameters = null)
    {
        var id = nextId++;
        await SendAsync(new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() }.ToJsonString());
        var reply = await ExpectAsync(f => IsReply(f, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return reply.GetProperty("result");
    }

    public async Task<string> CreateAsync(JsonObject order)
    {
        var result = await CallAsync("createOrUpdateFollowOrder", order);
        Assert.False(result.GetProperty("err").GetBoolean(), result.ToString());
        return result.GetProperty("res").GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> SubscribeAsync(params string[] filter)
    {
        await SendAsync(new JsonObject { ["method"] = "subscribeTradeResults", ["tradeTypeFilter"] = new JsonArray([.. filter.Select(f => (JsonNode)JsonValue.Create(f))]) }.ToJsonString());
        return await ExpectAsync(f => f.GetProperty("method").GetString() == "subscribeResponse");
    }

    public Task<JsonElement> TradeResultAsync(Func<JsonElement, bool>? where = null) =>
        ExpectAsync(f => f.GetProperty("method").GetString() == "tradeResultNotify" && (where is null || where(f.GetProperty("result"))));

    public static bool IsReply(JsonElement frame, string rawId) =>
        frame.GetProperty("method").GetString() == "rpcResponse" && frame.TryGetProperty("id", out var i) && i.GetRawText() == rawId;

    /// <summary>The next frame, whatever it is (backlog first).</summary>
    public Task<JsonElement> NextAsync() => ExpectAsync(_ => true);
}
