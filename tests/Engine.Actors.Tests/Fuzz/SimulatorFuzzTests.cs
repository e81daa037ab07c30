using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Engine.Actors.Tests.Venues;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Fuzz;

/// <summary>
/// Each venue simulator against generated malformed request frames over a real loopback WebSocket (seeded, bounded in
/// count and time): the simulator never logs an unhandled exception, the connection survives every frame the protocol
/// allows it to (both venues answer a bad request with an error and keep the socket; a text frame that is not UTF-8 is
/// failed by the WebSocket layer, as RFC 6455 requires), still answers a valid ping afterwards, and a fresh
/// connection works.
/// Seeds are the golden request frames the engine sends (issue 16, "Also").
/// </summary>
public sealed class SimulatorFuzzTests
{
    private const int Seed = 16;
    private const int FramesPerVenue = 250;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static TheoryData<string, string, string, string> Venues => new()
    {
        { "quant-gateway", "QuantGateway", """{"op":"ping","ts":424242}""", "424242" },
        { "binance", "Binance", """{"id":"fuzz-end","method":"ping"}""", "fuzz-end" },
    };

    [Theory]
    [MemberData(nameof(Venues))]
    public async Task Malformed_frames_never_crash_a_simulator_or_drop_the_connection(string venue, string golden, string ping, string marker)
    {
        using var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        var options = new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero, Seed = 7 } };
        await using var host = await SimulatorHost.StartAsync(venue, options, loggerFactory: loggerFactory);
        var seeds = GoldenFrames.Names(golden).Where(n => n.StartsWith("out_", StringComparison.Ordinal)).Select(n => GoldenFrames.Read(golden, n)).ToList();
        var mutator = new FrameMutator(seeds, Seed);

        var socket = await ConnectAsync(host);
        var pong = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = DrainAsync(socket, marker, pong);
        var budget = Stopwatch.StartNew();
        var sent = 0;
        var protocolCloses = 0;
        try
        {
            while (sent < FramesPerVenue && budget.Elapsed < TimeSpan.FromSeconds(10))
            {
                var (_, frame) = mutator.Next();
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Timeout);
                sent++;
                if (!Utf8.IsValid(frame))
                {
                    // Where the protocol does not allow the connection to survive: RFC 6455 fails a text frame that is not
                    // UTF-8 at the WebSocket layer (1007 or a dropped connection). Expect the end, then carry on anew.
                    await reader.WaitAsync(Timeout);
                    Assert.NotEqual(WebSocketState.Open, socket.State);
                    Assert.True(socket.CloseStatus is null or WebSocketCloseStatus.InvalidPayloadData, $"closed with {socket.CloseStatus}");
                    protocolCloses++;
                    socket.Abort();
                    socket.Dispose();
                    socket = await ConnectAsync(host);
                    reader = DrainAsync(socket, marker, pong);
                    continue;
                }

                Assert.True(socket.State == WebSocketState.Open, $"the simulator closed the connection after {sent} malformed frames: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(ping), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Timeout);
            await pong.Task.WaitAsync(Timeout);
            Assert.Empty(logs.Failures);
            Assert.True(protocolCloses < sent, "every frame was refused at the WebSocket layer; nothing reached the venue");
        }
        finally
        {
            socket.Abort();
            socket.Dispose();
        }

        using var fresh = await ConnectAsync(host);
        var freshPong = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var freshReader = DrainAsync(fresh, marker, freshPong);
        await fresh.SendAsync(Encoding.UTF8.GetBytes(ping), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Timeout);
        await freshPong.Task.WaitAsync(Timeout);
        fresh.Abort();
        await Task.WhenAll(reader, freshReader).WaitAsync(Timeout);
    }

    private static async Task<ClientWebSocket> ConnectAsync(SimulatorHost host)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(host.WebSocketUri, CancellationToken.None).WaitAsync(Timeout);
        return socket;
    }

    /// <summary>
    /// Reads every message until the socket ends, so the simulator is never blocked on a full socket; completes
    /// <paramref name="pong"/> when a JSON reply holding <paramref name="marker"/> (the ping's echo) arrives.
    /// </summary>
    private static async Task DrainAsync(WebSocket socket, string marker, TaskCompletionSource pong)
    {
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                text.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var reply = Encoding.UTF8.GetString(text.ToArray());
                    if (reply.Contains(marker, StringComparison.Ordinal) && IsJson(reply))
                    {
                        pong.TrySetResult();
                    }

                    text.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The test aborts the socket when it is done.
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
