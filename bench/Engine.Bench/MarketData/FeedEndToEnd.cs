using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using Engine.Actors.MarketData;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Venues.Binance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Bench.MarketData;

/// <summary>
/// The feed end to end over loopback against the in-process Binance simulator, side by side with a raw
/// <see cref="ClientWebSocket"/> receive loop on the same simulator in the same run.
/// <list type="bullet">
/// <item><c>marketdata.tick_to_strategy_p50_us</c> / <c>_p99_us</c>: one market step at a time, from the simulator
/// queuing the <c>bookTicker</c> frame (the step is timed from just before it) to the subscribed actor being handed the
/// <see cref="QuoteTick"/> (through feed session, codec, feed and its outbox), against the raw loop receiving the frame.</item>
/// </list>
/// The sustained rate is measured against a producer that is not the simulator (<see cref="FeedThroughput"/>).
/// </summary>
public static class FeedEndToEnd
{
    private const int LatencySamples = 2_000;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private static readonly FeedId Feed = new("bench-sim");
    private static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>Runs the latency measure; the simulator and actor system live for the call.</summary>
    public static async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero } };
        await using var host = await SimulatorHost.StartAsync("binance", options, cancellationToken: cancellationToken);
        var venue = (BinanceSimulator)host.Venue;
        var step = 0;
        void Step() => venue.ApplyMarket(new MarketCommand { Symbol = "BTCUSDT", Mid = 50_000m + (++step % 2 == 0 ? 0m : 10m) });

        await context.Progress.WriteLineAsync($"marketdata.tick_to_strategy: {LatencySamples} quotes one at a time, raw ClientWebSocket then the engine feed...");
        var raw = await RawLatencyAsync(host, venue, Step, cancellationToken);
        using var system = BenchSystem.Create("marketdata", NullLoggerFactory.Instance);
        var feedOptions = new FeedOptions { Name = Feed.Value, Venue = "binance", Url = new Uri($"ws://{host.WebSocketUri.Authority}") };
        var feeds = system.ActorOf(FeedsSupervisor.Props(new FeedsSettings([feedOptions])), "feeds");
        var engine = await EngineLatencyAsync(feeds, system, venue, Step, cancellationToken);
        foreach (var (name, fraction) in new[] { ("marketdata.tick_to_strategy_p50_us", 0.50), ("marketdata.tick_to_strategy_p99_us", 0.99) })
        {
            yield return new BenchResult(name, "us", Percentile(engine, fraction), Percentile(raw, fraction), LowerIsBetter: true);
        }

        await system.Terminate();
    }

    private static async Task<long[]> RawLatencyAsync(SimulatorHost host, BinanceSimulator venue, Action step, CancellationToken ct)
    {
        using var socket = await RawAsync(host, venue, "btcusdt@bookTicker", ct);
        var buffer = new byte[64 * 1024];
        var samples = new long[LatencySamples];
        for (var i = -100; i < LatencySamples; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            step();
            await ReceiveOneAsync(socket, buffer, ct);
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetTimestamp() - sent;
            }
        }

        return samples;
    }

    private static async Task<long[]> EngineLatencyAsync(IActorRef feeds, ActorSystem system, BinanceSimulator venue, Action step, CancellationToken ct)
    {
        var arrivals = Channel.CreateUnbounded<(long At, IMarketDataEvent Event)>();
        var subscriber = await SubscribeAsync(feeds, system, venue, MarketDataKind.Quotes, arrivals.Writer, new StrongBox<long>(), ct);
        var samples = new long[LatencySamples];
        for (var i = -100; i < LatencySamples; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            step();
            var arrived = await arrivals.Reader.ReadAsync(ct).AsTask().WaitAsync(StepTimeout, ct);
            if (i >= 0)
            {
                samples[i] = arrived.At - sent;
            }
        }

        system.Stop(subscriber);
        return samples;
    }

    private static async Task<IActorRef> SubscribeAsync(
        IActorRef feeds, ActorSystem system, BinanceSimulator venue, MarketDataKind kind, ChannelWriter<(long At, IMarketDataEvent Event)> arrivals, StrongBox<long> dropped, CancellationToken ct)
    {
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = system.ActorOf(FeedBenchSubscriber.Props(feeds, new SubscribeMarketData(Feed, Btc, kind), arrivals, subscribed, dropped));
        await subscribed.Task.WaitAsync(StepTimeout, ct);
        var stream = kind == MarketDataKind.Quotes ? "btcusdt@bookTicker" : "btcusdt@trade";
        await UntilAsync(() => venue.StreamSubscriptions().Contains(stream), ct);
        return subscriber;
    }

    private static async Task<ClientWebSocket> RawAsync(SimulatorHost host, BinanceSimulator venue, string stream, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{host.WebSocketUri.Authority}/ws/{stream}"), ct);
        await UntilAsync(() => venue.StreamSubscriptions().Contains(stream), ct);
        return socket;
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StepTimeout);
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }

    private static async Task ReceiveOneAsync(ClientWebSocket socket, byte[] buffer, CancellationToken ct)
    {
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
        }
        while (!result.EndOfMessage);
    }

    private static double Percentile(long[] ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
