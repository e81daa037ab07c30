using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.QuantGateway;

namespace Engine.Simulator.Tests.QuantGateway;

/// <summary>
/// Byte-for-byte pin of what the quant gateway simulator sends: a fixed scenario (spot and futures logins, symbol_info,
/// resting, crossing and market orders, partial fills, a fill by a market move, cancels, open_orders, asset, position,
/// error cases, echoed cid/ts of every JSON type, non-ASCII text) runs over a real socket on a manual clock with a fixed
/// seed, and every frame received must equal, byte for byte and in order, the transcript in wire/ recorded from the
/// simulator as it was before its serialisation was rewritten. Python and compact JSON each have their transcript.
/// To re-record after a deliberate wire change: set QUANT_WIRE_RECORD to the wire/ folder of the source tree.
/// </summary>
public class WireBytesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 15, 125, TimeSpan.Zero);

    [Theory]
    [InlineData(true, "quant-wire-python.txt")]
    [InlineData(false, "quant-wire-compact.txt")]
    public async Task Every_frame_matches_the_recorded_transcript(bool python, string file)
    {
        var transcript = await RunScenarioAsync(python);

        var record = Environment.GetEnvironmentVariable("QUANT_WIRE_RECORD");
        if (!string.IsNullOrEmpty(record))
        {
            await File.WriteAllTextAsync(Path.Combine(record, file), string.Join('\n', transcript) + "\n");
            return;
        }

        var expected = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "QuantGateway", "wire", file))).TrimEnd('\n').Split('\n');
        Assert.True(expected.Length > 100, $"transcript too short: {expected.Length} lines");
        for (var i = 0; i < Math.Min(expected.Length, transcript.Count); i++)
        {
            Assert.True(expected[i] == transcript[i], $"line {i + 1}:\nexpected {expected[i]}\nactual   {transcript[i]}");
        }

        Assert.Equal(expected.Length, transcript.Count);
    }

    private static async Task<List<string>> RunScenarioAsync(bool python)
    {
        var clock = new ManualTimeProvider(Start);
        var options = new SimulatorOptions
        {
            Market = new MarketOptions { TickInterval = TimeSpan.Zero, Seed = 7 },
            QuantGateway = new QuantGatewayOptions { ReadyDelay = TimeSpan.Zero, IdleTimeout = TimeSpan.FromMinutes(5), PythonJson = python },
        };
        await using var host = await SimulatorHost.StartAsync("quant-gateway", options, 0, null, clock);
        using var control = host.CreateControlClient();
        var lines = new List<string>();
        await using var spot = await Recorder.ConnectAsync(host, "spot", lines);
        await using var futures = await Recorder.ConnectAsync(host, "futures", lines);

        // Spot: login (state 2, initial asset, state 6), symbol_info, orders that rest, cross partly, and fill by a market walk.
        var spotToken = Token(await spot.StepAsync("""{"op":"login","cid":"L1","platform":"huobi","symbols":["BTC/USDT","ETH/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}"""));
        await spot.StepAsync($$"""{"op":"symbol_info","cid":"s1","token":"{{spotToken}}","symbol":"BTC/USDT"}""");
        clock.Advance(TimeSpan.FromMilliseconds(17));
        var resting = OrderNo(await spot.StepAsync(Place(spotToken, "\"p1\"", "BTC/USDT", "BUY", "40000", "0.01")));
        clock.Advance(TimeSpan.FromMilliseconds(3));
        await spot.StepAsync(Place(spotToken, "\"p2\"", "BTC/USDT", "BUY", "50005", "0.8"));
        await spot.StepAsync(Place(spotToken, "7", "BTC/USDT", "SELL", "0", "0.25", "MARKET"));
        await spot.StepAsync(Place(spotToken, "12.50", "ETH/USDT", "BUY", "\"3100.5\"", "0.123", "IOC"));
        await spot.StepAsync(Place(spotToken, "{\"k\": [1, \"x\", null, true]}", "ETH/USDT", "SELL", "9000", "0.05"));
        await spot.StepAsync($$"""{"op":"open_orders","cid":"o1","token":"{{spotToken}}","symbol":"BTC/USDT"}""");
        await spot.StepAsync($$"""{"op":"open_orders","cid":"o2","token":"{{spotToken}}","symbol":"ETH/USDT"}""");
        await spot.StepAsync($$"""{"op":"asset","cid":"a1","token":"{{spotToken}}"}""");
        clock.Advance(TimeSpan.FromSeconds(2));
        await control.MarketAsync(new MarketCommand { Symbol = "BTC/USDT", Mid = 39_000m });
        lines.Add("# market BTC/USDT 39000");
        await spot.StepAsync($$"""{"op":"ping","ts":1.5e3}""");
        var toCancel = OrderNo(await spot.StepAsync(Place(spotToken, "\"p5\"", "BTC/USDT", "BUY", "38000.5", "0.002")));
        await spot.StepAsync($$"""{"op":"cancel_order","cid":"c1","token":"{{spotToken}}","symbol":"BTC/USDT","order_nos":["{{toCancel}}"]}""");
        await spot.StepAsync(Place(spotToken, "\"p6\"", "ETH/USDT", "BUY", "1500", "0.01"));
        await spot.StepAsync($$"""{"op":"cancel_order","cid":"c2","token":"{{spotToken}}","symbol":"ETH/USDT","order_nos":["{{resting}}","999"]}""");
        await spot.StepAsync($$"""{"op":"cancel_order","cid":"c3","token":"{{spotToken}}","symbol":"ETH/USDT","order_nos":[]}""");
        await spot.StepAsync($$"""{"op":"open_orders","cid":"o3","token":"{{spotToken}}","symbol":"ETH/USDT"}""");

        // Spot error cases: every validation in order, parse errors, non-ASCII text.
        await spot.StepAsync(Place("nope", "\"e1\"", "BTC/USDT", "BUY", "1", "1"));
        await spot.StepAsync(Place(spotToken, "\"e2\"", "BTC/USDT", "HOLD", "1", "1"));
        await spot.StepAsync(Place(spotToken, "\"e3\"", "BTC/USDT", "BUY", "1", "1", "STOP"));
        await spot.StepAsync(Place(spotToken, "\"e4\"", "BTC/USDT", "BUY", "\"abc\"", "1"));
        await spot.StepAsync(Place(spotToken, "\"e5\"", "DOGE/USDT", "BUY", "1", "1"));
        await spot.StepAsync(Place(spotToken, "\"e6\"", "BTC/USDT", "BUY", "40000.001", "0.01"));
        await spot.StepAsync(Place(spotToken, "\"e7\"", "BTC/USDT", "BUY", "40000", "900"));
        await spot.StepAsync(Place(spotToken, "\"e8\"", "BTC/USDT", "BUY", "40000", "0.0000001"));
        await spot.StepAsync($$"""{"op":"place_order","cid":"e9","token":"{{spotToken}}","symbol":"BTC/USDT"}""");
        await spot.StepAsync("""{"op":"place_order","cid":"ü€\"\\\n😀"}""");
        await spot.StepAsync("""{"op": "ping", "ts": {"a": "é", "b": [1.0, -2e-7, "\t"]}}""");
        await spot.StepAsync("""{"op":"ping"}""");
        await spot.StepAsync("""{"op":"ping","ts":""");
        await spot.StepAsync("""[1, 2]""");
        await spot.StepAsync("""{"op":"login","cid":"L2","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"x"}""");

        // Futures: login (state 2, asset, position, state 6), position, open, partial close, rejections.
        var futuresToken = Token(await futures.StepAsync("""{"op":"login","cid":"LF","platform":"huobi_future","symbols":["BTC200925"],"access_key":"demo-futures-key","secret_key":"demo-futures-secret"}"""));
        await futures.StepAsync($$"""{"op":"position","cid":"q1","token":"{{futuresToken}}","symbol":"BTC200925"}""");
        await futures.StepAsync($$"""{"op":"symbol_info","cid":"q2","token":"{{futuresToken}}","symbol":"BTC200925"}""");
        clock.Advance(TimeSpan.FromMilliseconds(250));
        await futures.StepAsync(Place(futuresToken, "\"f1\"", "BTC200925", "BUY", "60000", "3"));
        await futures.StepAsync(Place(futuresToken, "\"f2\"", "BTC200925", "SELL", "30000", "1"));
        await futures.StepAsync(Place(futuresToken, "\"f3\"", "BTC200925", "SELL", "90000", "-1"));
        await futures.StepAsync(Place(futuresToken, "\"f4\"", "BTC200925", "BUY", "60000", "0.4"));
        await futures.StepAsync(Place(futuresToken, "\"f5\"", "BTC200925", "BUY", "60000", "1000000"));
        await futures.StepAsync(Place(futuresToken, "\"f6\"", "BTC200925", "BUY", "60000.01", "1"));
        await futures.StepAsync($$"""{"op":"open_orders","cid":"q3","token":"{{futuresToken}}","symbol":"BTC200925"}""");
        await futures.StepAsync($$"""{"op":"cancel_order","cid":"q4","token":"{{futuresToken}}","symbol":"BTC200925","order_nos":["1","2"]}""");
        await futures.StepAsync($$"""{"op":"position","cid":"q5","token":"{{futuresToken}}","symbol":"BTC200925"}""");
        await futures.StepAsync($$"""{"op":"asset","cid":"q6","token":"{{futuresToken}}"}""");
        clock.Advance(TimeSpan.FromSeconds(1));
        await control.MarketAsync(new MarketCommand { Symbol = "BTC200925", Mid = 95_000m });
        lines.Add("# market BTC200925 95000");
        await futures.StepAsync($$"""{"op":"logout","cid":"q7","token":"{{futuresToken}}"}""");
        await spot.StepAsync($$"""{"op":"logout","cid":"L3","token":"{{spotToken}}"}""");
        return lines;
    }

    private static string Place(string token, string cid, string symbol, string action, string price, string quantity, string type = "LIMIT") =>
        $$"""{"op":"place_order","cid":{{cid}},"token":"{{token}}","symbol":"{{symbol}}","action":"{{action}}","price":{{price}},"quantity":{{quantity}},"order_type":"{{type}}"}""";

    private static string Token(IReadOnlyList<string> frames) => Field(frames, "token");

    private static string OrderNo(IReadOnlyList<string> frames) => Field(frames, "order_no");

    /// <summary>The string value of the first <paramref name="name"/> field in the first reply frame that has it.</summary>
    private static string Field(IReadOnlyList<string> frames, string name)
    {
        foreach (var frame in frames)
        {
            using var doc = JsonDocument.Parse(frame);
            if (doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        throw new InvalidOperationException($"no {name} in {string.Join(" | ", frames)}");
    }

    /// <summary>One socket: each step sends a request then a ping sentinel and records every frame (raw text) up to its pong.</summary>
    private sealed class Recorder(string name, List<string> lines) : IAsyncDisposable
    {
        private readonly ClientWebSocket socket = new();
        private int step;

        public static async Task<Recorder> ConnectAsync(SimulatorHost host, string name, List<string> lines)
        {
            var recorder = new Recorder(name, lines);
            using var cts = new CancellationTokenSource(QuantTestClient.Timeout);
            await recorder.socket.ConnectAsync(host.WebSocketUri, cts.Token);
            return recorder;
        }

        public async Task<IReadOnlyList<string>> StepAsync(string request)
        {
            var marker = $"{name}-{++step}";
            lines.Add($"{name} > {request.Replace("\n", "\\n", StringComparison.Ordinal)}");
            await SendAsync(request);
            await SendAsync($$"""{"op":"ping","ts":"{{marker}}"}""");
            var sentinel = $"\"{marker}\"}}";
            var frames = new List<string>();
            while (true)
            {
                var frame = await ReceiveAsync();
                lines.Add($"{name} < {frame}");
                if (frame.StartsWith("{\"op\":", StringComparison.Ordinal) && frame.Contains("pong", StringComparison.Ordinal) && frame.EndsWith(sentinel, StringComparison.Ordinal))
                {
                    return frames;
                }

                frames.Add(frame);
            }
        }

        public async ValueTask DisposeAsync()
        {
            socket.Abort();
            socket.Dispose();
            await Task.CompletedTask;
        }

        private async Task SendAsync(string json)
        {
            using var cts = new CancellationTokenSource(QuantTestClient.Timeout);
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
        }

        /// <summary>One whole text frame; its bytes must be valid UTF-8 (checked) and contain no newline (a transcript is one frame a line).</summary>
        private async Task<string> ReceiveAsync()
        {
            using var cts = new CancellationTokenSource(QuantTestClient.Timeout);
            var buffer = new byte[64 * 1024];
            using var ms = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cts.Token);
                Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
                ms.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            var text = new UTF8Encoding(false, true).GetString(ms.ToArray());
            Assert.DoesNotContain('\n', text);
            return text;
        }
    }
}
