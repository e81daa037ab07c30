using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Engine.Bench.Binance;
using Engine.Bench.Toobit;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using SimQuantOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Orders;

/// <summary>
/// Orders through the whole engine (<see cref="EngineUnderTest"/>: ConnectionsSupervisor → ConnectionActor →
/// OrderBookActor on Akka.NET, the default durable journal: the engine plugin on SQLite, synchronous FULL) against the in-process quant gateway simulator,
/// next to a raw <see cref="RawQuantClient"/> against the same simulator in the same run. Each side logs in with its
/// own simulator account, so neither sees the other's resting orders; both send the same resting order
/// (<see cref="OrderFlow"/>). The two sides alternate in chunks (latency) and rounds (throughput), so a change in
/// machine load hits both alike; throughput is the median of the rounds. The Binance round trip
/// (<see cref="BinanceRoundTripBench"/>) and the Toobit one (<see cref="ToobitRoundTripBench"/>) follow in the same suite.
/// Latency lines: value = engine, baseline = raw, ratio = baseline / value (higher is better); the difference in µs is
/// printed to stderr. Throughput: orders/s from the first submit to the last accept (raw: last reply), a window of
/// <see cref="Window"/> orders in flight.
/// <para>
/// Both sides are measured warm, as an engine runs after its first seconds: the warm-up is long enough for the tiered
/// JIT to finish (tier 0, then instrumented code for dynamic PGO, then optimized tier 1; the call counting waits while
/// new methods keep being compiled). With a warm-up of 1,000 round trips and 10,000 pipelined orders, both sides still
/// ran partly unoptimized code when measured: on 2026-12-07 the engine's first throughput round ran at 10–12 k
/// orders/s and its third at 19–21 k, and the round-trip p50 was 745–819 µs, against about 370 µs after this warm-up.
/// </para>
/// </summary>
public sealed class OrdersSuite : IBenchSuite
{
    private const int WarmupRoundTrips = 5_000;
    private const int RoundTripChunk = 1_000;
    private const int RoundTripChunks = 3;
    private const int WarmupPipelined = 60_000;
    private const int Pipelined = 20_000;
    private const int PipelinedRounds = 5;
    private const int Window = 1_000;

    public string Name => "orders";

    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        var simulatorOptions = new SimulatorOptions
        {
            Accounts = [BenchAccount("bench-raw"), BenchAccount("bench-engine")],
            QuantGateway = new SimQuantOptions { ReadyDelay = TimeSpan.FromMilliseconds(20), IdleTimeout = TimeSpan.FromMinutes(10) },
        };
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", simulatorOptions, port: 0, loggerFactory, cancellationToken: cancellationToken);
        await using var raw = await RawQuantClient.ConnectAsync(simulator.WebSocketUri, "bench-raw-key", "bench-raw-secret", cancellationToken);
        await using var engine = await EngineUnderTest.StartAsync(simulator.WebSocketUri, loggerFactory, progress, cancellationToken);

        progress.WriteLine("orders: warm-up...");
        await raw.RoundTripsAsync(WarmupRoundTrips, cancellationToken);
        await engine.RoundTripsAsync(WarmupRoundTrips);
        await raw.PipelinedAsync(WarmupPipelined, Window, cancellationToken);
        await engine.PipelinedAsync(WarmupPipelined, Window);

        var (floorBeforeP50, floorBeforeP99) = await CommitFloor.MeasureAsync(cancellationToken);
        progress.WriteLine($"orders: one durable SQLite commit on this disk (WAL, synchronous=FULL), before the round trips: p50 {floorBeforeP50:F1} µs, p99 {floorBeforeP99:F1} µs");
        progress.WriteLine("orders: round trips...");
        var rawSamples = new List<long>();
        var engineSamples = new List<long>();
        for (var chunk = 0; chunk < RoundTripChunks; chunk++)
        {
            rawSamples.AddRange(await raw.RoundTripsAsync(RoundTripChunk, cancellationToken));
            engineSamples.AddRange(await engine.RoundTripsAsync(RoundTripChunk));
        }

        progress.WriteLine("orders: throughput...");
        var rawRates = new List<double>();
        var engineRates = new List<double>();
        for (var round = 0; round < PipelinedRounds; round++)
        {
            using (new CostMeter($"raw pipelined round {round + 1}", Pipelined, progress))
            {
                rawRates.Add(Pipelined / await raw.PipelinedAsync(Pipelined, Window, cancellationToken));
            }

            using (new CostMeter($"engine pipelined round {round + 1}", Pipelined, progress))
            {
                engineRates.Add(Pipelined / await engine.PipelinedAsync(Pipelined, Window));
            }
        }

        var events = await engine.JournalEventsAsync(cancellationToken);
        var orders = 1 + WarmupRoundTrips + WarmupPipelined + (RoundTripChunk * RoundTripChunks) + (Pipelined * PipelinedRounds);
        progress.WriteLine($"orders: {events} journal events for {orders} orders");
        progress.WriteLine($"orders.throughput rounds: engine [{string.Join(", ", engineRates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}], raw [{string.Join(", ", rawRates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}] orders/s");

        var (commitP50, commitP99) = await CommitFloor.MeasureAsync(cancellationToken);
        progress.WriteLine($"orders: one durable SQLite commit on this disk (WAL, synchronous=FULL), after the throughput rounds: p50 {commitP50:F1} µs, p99 {commitP99:F1} µs");

        var rawP50 = Percentile(rawSamples, 0.50);
        var rawP99 = Percentile(rawSamples, 0.99);
        var p50 = Percentile(engineSamples, 0.50);
        var p99 = Percentile(engineSamples, 0.99);
        progress.WriteLine($"orders.roundtrip_p50_us: engine {p50:F1} µs, raw {rawP50:F1} µs, difference {p50 - rawP50:F1} µs (target: ≤ 300 µs: {(p50 - rawP50 <= 300 ? "met" : "missed")})");
        progress.WriteLine($"orders.roundtrip_p99_us: engine {p99:F1} µs, raw {rawP99:F1} µs, difference {p99 - rawP99:F1} µs");
        var throughput = Median(engineRates);
        progress.WriteLine($"orders.throughput: engine {throughput:F0} orders/s, raw {Median(rawRates):F0} orders/s (target: ≥ 20,000 orders/s: {(throughput >= 20_000 ? "met" : "missed")})");
        yield return new BenchResult("orders.roundtrip_p50_us", "us", p50, rawP50, LowerIsBetter: true);
        yield return new BenchResult("orders.roundtrip_p99_us", "us", p99, rawP99, LowerIsBetter: true);
        yield return new BenchResult("orders.throughput", "orders/s", throughput, Median(rawRates));

        await foreach (var result in BinanceRoundTripBench.RunAsync(context, cancellationToken))
        {
            yield return result;
        }

        await foreach (var result in ToobitRoundTripBench.RunAsync(context, ct: cancellationToken))
        {
            yield return result;
        }
    }

    private static double Percentile(List<long> ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static AccountOptions BenchAccount(string id) => new()
    {
        Id = id,
        ApiKey = $"{id}-key",
        Secret = $"{id}-secret",
        SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 1_000_000_000m).Add("BTC", 1_000m),
    };
}
