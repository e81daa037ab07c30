using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.DBot;

namespace Engine.Simulator.Tests.DBot;

/// <summary>Loopback client of the DBot trading WebSocket: a reader task queues every frame; every wait has a timeout.</summary>
public sealed class DBotTestClient : IAsyncDisposable
{
    public const string Key = "demo-dbot-key";

    public const string Leader = "4Be9CvxqHW6BYiRAxW9Q3xu1ycTMWaL5z8NX4HR3ha7t";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly ClientWebSocket socket = new();
    private readonly Channel<JsonElement> frames = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> backlog = [];
    private Task? reader;
    private long nextId = 1_761_291_309;

    public ClientWebSocket Socket => socket;

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
            client.socket.Options.SetRequestHeader("x-api-key", key);
        }

        client.socket.Options.KeepAliveInterval = TimeSpan.Zero;
        client.socket.Options.CollectHttpResponseDetails = true;
        using var cts = new CancellationTokenSource(Timeout);
        await client.socket.ConnectAsync(new Uri($"ws://127.0.0.1:{host.Port}{path}"), cts.Token);
        client.reader = client.ReadAsync();
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

    public async Task SendAsync(string json)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
    }

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

    /// <summary>First frame (backlog first, then new ones in order) matching <paramref name="predicate"/>; others stay queued.</summary>
    public async Task<JsonElement> ExpectAsync(Func<JsonElement, bool> predicate)
    {
        var index = backlog.FindIndex(f => predicate(f));
        if (index >= 0)
        {
            var found = backlog[index];
            backlog.RemoveAt(index);
            return found;
        }

        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var frame = await frames.Reader.ReadAsync(cts.Token);
            if (predicate(frame))
            {
                return frame;
            }

            backlog.Add(frame);
        }
    }

    /// <summary>The next frame, whatever it is (backlog first).</summary>
    public Task<JsonElement> NextAsync() => ExpectAsync(_ => true);

    /// <summary>Every frame received so far that no expectation consumed, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Pending()
    {
        while (frames.Reader.TryRead(out var f))
        {
            backlog.Add(f);
        }

        return [.. backlog];
    }

    /// <summary>Completes when the server has closed or dropped the connection.</summary>
    public async Task WaitClosedAsync() => await reader!.WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        if (reader is not null)
        {
            await reader.WaitAsync(Timeout);
        }

        socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var ms = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    ms.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                frames.Writer.TryWrite(JsonDocument.Parse(ms.ToArray()).RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }
}
