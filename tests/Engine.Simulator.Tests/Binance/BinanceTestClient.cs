using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.Binance;

/// <summary>Loopback WebSocket client for the Binance simulator (<see cref="JsonSocketClient"/>): requests with raw ids, user data events.</summary>
public sealed class BinanceTestClient : JsonSocketClient
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 30, 250, TimeSpan.Zero);

    public const string HmacKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    public const string HmacSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    public const string Ed25519Key = "4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO";

    public static readonly byte[] Ed25519Seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    public static SimulatorOptions Options(BinanceOptions? venue = null) => new()
    {
        Market = new MarketOptions { TickInterval = TimeSpan.Zero, Seed = 7 },
        Binance = venue ?? new BinanceOptions(),
    };

    public static async Task<(SimulatorHost Host, ManualTimeProvider Clock)> StartAsync(BinanceOptions? venue = null, DateTimeOffset? start = null)
    {
        var clock = new ManualTimeProvider(start ?? Start);
        var host = await SimulatorHost.StartAsync("binance", Options(venue), 0, null, clock);
        return (host, clock);
    }

    public static async Task<BinanceTestClient> ConnectAsync(SimulatorHost host, string query = "")
    {
        var client = new BinanceTestClient();
        await client.ConnectAsync(new Uri(host.WebSocketUri + query));
        return client;
    }

    /// <summary>Adds <c>apiKey</c>, <c>timestamp</c> (unless present) and an HMAC <c>signature</c>.</summary>
    public static JsonObject SignHmac(JsonObject parameters, long timestamp, string apiKey = HmacKey, string secret = HmacSecret)
    {
        parameters["apiKey"] = apiKey;
        parameters["timestamp"] ??= timestamp;
        parameters["signature"] = BinanceSignature.Hmac(secret, Payload(parameters));
        return parameters;
    }

    /// <summary>Adds <c>apiKey</c>, <c>timestamp</c> (unless present) and an Ed25519 <c>signature</c> with the RFC 8032 test key.</summary>
    public static JsonObject SignEd25519(JsonObject parameters, long timestamp, string apiKey = Ed25519Key)
    {
        parameters["apiKey"] = apiKey;
        parameters["timestamp"] ??= timestamp;
        parameters["signature"] = BinanceSignature.SignEd25519(Ed25519Seed, Payload(parameters));
        return parameters;
    }

    public static string Payload(JsonObject parameters) => BinanceSignature.Payload(JsonDocument.Parse(parameters.ToJsonString()).RootElement);

    /// <summary>Sends a request with id <paramref name="id"/> (any JSON value) and returns the response with the same raw id.</summary>
    public async Task<JsonElement> RequestAsync(JsonNode? id, string method, JsonObject? parameters = null)
    {
        var request = new JsonObject { ["id"] = id?.DeepClone(), ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await SendAsync(request.ToJsonString());
        var raw = id?.ToJsonString() ?? "null";
        return await ExpectAsync(f => f.TryGetProperty("status", out _) && f.TryGetProperty("id", out var i) && i.GetRawText() == raw);
    }

    /// <summary>Next user data event (unwrapped frame) whose <c>event.e</c> is <paramref name="type"/>.</summary>
    public Task<JsonElement> EventAsync(string type, Func<JsonElement, bool>? where = null) =>
        ExpectAsync(f => f.TryGetProperty("event", out var e) && e.GetProperty("e").GetString() == type && (where is null || where(e)));
}
