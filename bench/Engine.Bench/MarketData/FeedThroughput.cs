using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Akka.Actor;
using Engine.Actors.MarketData;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Bench.MarketData;

/// <summary>
/// <c>marketdata.max_msgs_per_s</c>: the feed's sustained rate, measured against a producer that is not the bottleneck.
/// A <see cref="LoopbackStreamServer"/> replays pre-encoded combined-stream <c>bookTicker</c> frames of the shape
/// Binance sends, as fast as the consumer takes them; the raw baseline is a <see cref="ClientWebSocket"/> receive loop
/// reading every frame, the engine side a Binance feed (the engine's own codec, session, feed and outbox) with one
/// subscriber on conflated quotes that acknowledges each one like a strategy. The rate is the frames sent over the time
/// until the subscriber was handed the last quote (the replay's marker). Loss is checked, not assumed: the frames the
/// feed decoded must equal the frames sent. Printed beside it: quotes delivered and conflated, managed heap before and
/// after (after a full collection, so growth is what the run kept) and bytes allocated per frame.
/// </summary>
public static class FeedThroughput
{
    private const int BlockFrames = 1_000;
    private const int Blocks = 200;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly FeedId Feed = new("bench-loopback");
    private static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>Runs the raw loop, then the engine feed, each against its own replay.</summary>
    public static async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var block = Enumerable.Range(0, BlockFrames).Select(i => Quote(i, "0.0" + (i % 100).ToString("D2", CultureInfo.InvariantCulture) + "00000")).ToList();
        var marker = Quote(BlockFrames, "7.77777777");
        await context.Progress.WriteLineAsync($"marketdata.max_msgs_per_s: {(BlockFrames * Blocks) + 1} bookTicker frames from a loopback producer, raw ClientWebSocket then the engine feed...");
        var (raw, rawCpu) = await RawAsync(block, marker, cancellationToken);
        var (engine, engineCpu) = await EngineAsync(context, block, marker, cancellationToken);
        var (transport, transportCpu) = await TransportOnlyAsync(block, marker, cancellationToken);
        await context.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"marketdata.max_msgs_per_s: the engine's WebSocket transport alone (TransportActor handing frames to a counting owner, no codec or feed): {transport:F0} msgs/s, CPU {transportCpu:F2} us per frame"));
        await context.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"marketdata.max_msgs_per_s: CPU per frame (whole process, producer included): raw {rawCpu:F2} us, engine {engineCpu:F2} us"));
        yield return new BenchResult("marketdata.max_msgs_per_s", "msgs/s", engine, raw);
    }

    /// <summary>A combined-stream <c>bookTicker</c> frame; <paramref name="bidSize"/> tells the marker apart.</summary>
    private static byte[] Quote(int i, string bidSize) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"stream":"btcusdt@bookTicker","data":{"u":{{{71234567890L + i}}},"s":"BTCUSDT","b":"{{{93850m + (i % 50 / 100m):F8}}}","B":"{{{bidSize}}}","a":"{{{93850.5m + (i % 50 / 100m):F8}}}","A":"0.40000000"}}"""));

    private static async Task<(double Rate, double CpuMicros)> RawAsync(List<byte[]> block, byte[] marker, CancellationToken ct)
    {
        await using var server = LoopbackStreamServer.Start(block, Blocks, marker, waitForSubscribe: false);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(server.Uri, "/ws/btcusdt@bookTicker"), ct);
        var buffer = new byte[64 * 1024];
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        server.Go();
        for (long i = 0; i < server.Frames; i++)
        {
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
            }
            while (!result.EndOfMessage);
        }

        return (server.Frames / clock.Elapsed.TotalSeconds, (CpuTime() - cpu).TotalMicroseconds / server.Frames);
    }

    private static async Task<(double Rate, double CpuMicros)> EngineAsync(BenchContext context, List<byte[]> block, byte[] marker, CancellationToken ct)
    {
        await using var server = LoopbackStreamServer.Start(block, Blocks, marker, waitForSubscribe: true);
        using var system = BenchSystem.Create("marketdata-rate", NullLoggerFactory.Instance);
        CountingCodec? codec = null;
        var options = new FeedOptions { Name = Feed.Value, Venue = FeedVenues.Binance, Url = server.Uri, KeepAliveInterval = TimeSpan.Zero };
        var settings = new FeedsSettings([options])
        {
            Codec = (o, http) => codec = new CountingCodec(FeedVenues.Create(o, http)),
        };
        var feeds = system.ActorOf(FeedsSupervisor.Props(settings), "feeds");
        var arrivals = Channel.CreateUnbounded<(long At, IMarketDataEvent Event)>(new UnboundedChannelOptions { SingleReader = true });
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = system.ActorOf(FeedBenchSubscriber.Props(feeds, new SubscribeMarketData(Feed, Btc, MarketDataKind.Quotes), arrivals.Writer, subscribed, new StrongBox<long>()));
        await subscribed.Task.WaitAsync(Timeout, ct);
        await server.Subscribed.WaitAsync(Timeout, ct);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        server.Go();
        long delivered = 0;
        while (true)
        {
            var (_, marketEvent) = await arrivals.Reader.ReadAsync(ct).AsTask().WaitAsync(Timeout, ct);
            delivered++;
            if (marketEvent is QuoteTick { BidSize: 7.77777777m })
            {
                break;
            }
        }

        var elapsed = clock.Elapsed;
        var cpuMicros = (CpuTime() - cpu).TotalMicroseconds / server.Frames;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var decoded = codec?.Decoded ?? 0;
        await context.Progress.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"marketdata.max_msgs_per_s: sent {server.Frames}, decoded by the feed {decoded} ({(decoded == server.Frames ? "no loss" : "LOSS")}), delivered to the subscriber {delivered}, conflated {decoded - delivered}; managed heap {heapBefore / 1_048_576.0:F1} MB before, {heapAfter / 1_048_576.0:F1} MB after; {allocated / (double)server.Frames:F0} bytes allocated per frame"));
        system.Stop(subscriber);
        await system.Terminate();
        if (decoded != server.Frames)
        {
            throw new InvalidOperationException($"the feed decoded {decoded} of {server.Frames} frames sent: frames were lost");
        }

        return (server.Frames / elapsed.TotalSeconds, cpuMicros);
    }

    /// <summary>
    /// Diagnostic: the shared <see cref="Engine.Actors.Connections.TransportActor"/> the feed session reads through, alone,
    /// handing every frame to an owner that only counts: the ceiling the feed's own work sits under.
    /// </summary>
    private static async Task<(double Rate, double CpuMicros)> TransportOnlyAsync(List<byte[]> block, byte[] marker, CancellationToken ct)
    {
        await using var server = LoopbackStreamServer.Start(block, Blocks, marker, waitForSubscribe: false);
        using var system = BenchSystem.Create("marketdata-transport", NullLoggerFactory.Instance);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(FrameCounter.Props(server.Frames, connected, done));
        var transport = system.ActorOf(Engine.Actors.Connections.TransportActor.Props(owner: counter));
        transport.Tell(new Engine.Actors.Connections.TransportActor.Connect(new Uri(server.Uri, "/ws/btcusdt@bookTicker"), 1));
        await connected.Task.WaitAsync(Timeout, ct);
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        server.Go();
        await done.Task.WaitAsync(Timeout, ct);
        var elapsed = clock.Elapsed;
        var cpuMicros = (CpuTime() - cpu).TotalMicroseconds / server.Frames;
        await system.Terminate();
        return (server.Frames / elapsed.TotalSeconds, cpuMicros);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
