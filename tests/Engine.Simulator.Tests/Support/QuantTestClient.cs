using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Venues.QuantGateway;

namespace Engine.Simulator.Tests.Support;

/// <summary>A plain loopback WebSocket client for the quant gateway simulator; every receive has a timeout.</summary>
public sealed class QuantTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket = new();

    public WebSocket Socket => socket;

    public static SimulatorOptions Options(QuantGatewayOptions? venue = null) => new()
    {
        Market = new MarketOptions { TickInterval = TimeSpan.Zero, Seed = 7 },
        QuantGateway = venue ?? new QuantGatewayOptions { ReadyDelay = TimeSpan.Zero, IdleTimeout = TimeSpan.FromMinutes(5) },
    };

    public static async Task<QuantTestClient> ConnectAsync(SimulatorHost host)
    {
        var client = new QuantTestClient();
        using var cts = new CancellationTokenSource(Timeout);
        await client.socket.ConnectAsync(host.WebSocketUri, cts.Token);
        return client;
    }

    public async Task SendAsync(string json)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
    }

    public async Task<(string Raw, JsonElement Json)> ReceiveRawAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"socket closed: {result.CloseStatus}");
            }

            ms.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        var raw = Encoding.UTF8.GetString(ms.ToArray());
        return (raw, JsonDocument.Parse(raw).RootElement.Clone());
    }

    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null) => (await ReceiveRawAsync(timeout)).Json;

    /// <summary>Receives until a frame matches; returns it and the frames skipped before it.</summary>
    public async Task<(JsonElement Match, List<JsonElement> Skipped)> ExpectAsync(Func<JsonElement, bool> predicate)
    {
        var skipped = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveAsync();
            if (predicate(frame))
            {
                return (frame, skipped);
            }

            skipped.Add(frame);
        }
    }

    public async Task<JsonElement> ExpectOpAsync(string op, string? cid = null) =>
        (await ExpectAsync(f => Str(f, "op") == op && (cid is null || Str(f, "cid") == cid))).Match;

    /// <summary>Asserts that nothing arrives before a ping's pong (replies on one socket keep their queue order).</summary>
    public async Task<List<JsonElement>> DrainUntilPongAsync(string marker)
    {
        await SendAsync($$"""{"op":"ping","ts":"{{marker}}"}""");
        var (_, skipped) = await ExpectAsync(f => Str(f, "op") == "pong" && Str(f, "ts") == marker);
        return skipped;
    }

    /// <summary>Logs in and waits for READY; returns the token.</summary>
    public async Task<string> LoginReadyAsync(string platform, string symbols, string key, string secret, string cid = "L1")
    {
        await SendAsync($$"""{"op":"login","cid":"{{cid}}","platform":"{{platform}}","symbols":{{symbols}},"access_key":"{{key}}","secret_key":"{{secret}}"}""");
        var reply = await ExpectOpAsync("login", cid);
        Assert.True(reply.GetProperty("result").GetBoolean());
        var token = reply.GetProperty("token").GetString()!;
        await ExpectAsync(f => Str(f, "op") == "state" && Str(f, "token") == token && f.GetProperty("code").GetInt32() == 6);
        return token;
    }

    public Task<string> LoginSpotAsync(string cid = "L1") => LoginReadyAsync("huobi", """["BTC/USDT","ETH/USDT"]""", "demo-spot-key", "demo-spot-secret", cid);

    public Task<string> LoginFuturesAsync(string cid = "LF") => LoginReadyAsync("huobi_future", """["BTC200925"]""", "demo-futures-key", "demo-futures-secret", cid);

    public async Task<WebSocketCloseStatus?> ExpectCloseAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }
    }

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        socket.Dispose();
        await Task.CompletedTask;
    }
}
