using System.Diagnostics;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Actors.Venues.Toobit;
using Engine.Bench.Orders;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using SimToobitOptions = Engine.Simulator.Venues.Toobit.ToobitOptions;

namespace Engine.Bench.Toobit;

/// <summary>
/// Order round trip through the whole engine against the in-process Toobit simulator (HTTP requests over the engine's
/// HTTP transport, pushes over the listen-key stream), next to a raw <see cref="HttpClient"/> loop against the same
/// simulator in the same run. Engine side: ConnectionsSupervisor → ConnectionActor with
/// <see cref="ToobitConnectionBehavior"/> → OrderBookActor on the default durable journal; an <see cref="OrderFlowActor"/>
/// (window 1) submits one order at a time and stops the clock at its <c>OrderAccepted</c>. Baseline:
/// <see cref="RawToobitClient"/> posts the same signed order and waits for the HTTP answer. Each side has its own
/// account; the simulator's and the login's limits are raised far above what the run sends (latency, not the limiter).
/// Lines: <c>toobit.roundtrip_p50_us</c> and <c>toobit.roundtrip_p99_us</c>, value = engine, baseline = raw.
/// </summary>
public static class ToobitRoundTripBench
{
    private const int Warmup = 300;
    private const int Samples = 1_500;
    private const string EngineApiKey = "bench-toobit-engine-key";
    private const string EngineSecret = "bench-toobit-engine-secret";
    private const string RawApiKey = "bench-toobit-raw-key";
    private const string RawSecret = "bench-toobit-raw-secret";
    private const int HighLimit = 1_000_000;
    private static readonly LoginId Login = new("bench-toobit");
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    public static async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, int samples = Samples, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        var options = new SimulatorOptions
        {
            Accounts = [Account("bench-toobit-raw", RawApiKey, RawSecret), Account("bench-toobit-engine", EngineApiKey, EngineSecret)],
            Toobit = new SimToobitOptions { RequestWeightPerMinute = HighLimit, OrdersPerInterval = HighLimit },
        };
        await using var simulator = await SimulatorHost.StartAsync("toobit", options, port: 0, loggerFactory, cancellationToken: ct);

        await context.Progress.WriteLineAsync($"toobit: raw HttpClient POST /api/v1/spot/order loop ({Warmup} warm-up + {samples})...");
        long[] raw;
        using (var client = new RawToobitClient(simulator.BaseUri, RawApiKey, RawSecret))
        {
            await client.RoundTripsAsync("rawWarm", Warmup, ct);
            raw = await client.RoundTripsAsync("raw", samples, ct);
        }

        await context.Progress.WriteLineAsync($"toobit: engine SubmitOrder → OrderAccepted ({Warmup} warm-up + {samples})...");
        var engine = await EngineAsync(simulator.BaseUri, samples, loggerFactory, context.Progress, ct);

        foreach (var (name, fraction) in new[] { ("toobit.roundtrip_p50_us", 0.50), ("toobit.roundtrip_p99_us", 0.99) })
        {
            var value = Percentile(engine, fraction);
            var baseline = Percentile(raw, fraction);
            await context.Progress.WriteLineAsync($"{name}: engine {value:F1} µs, raw {baseline:F1} µs, difference {value - baseline:F1} µs");
            yield return new BenchResult(name, "us", value, baseline, LowerIsBetter: true);
        }
    }

    private static async Task<long[]> EngineAsync(Uri uri, int samples, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken ct)
    {
        using var journal = new BenchJournal("engine-bench-toobit-");
        await progress.WriteLineAsync($"toobit: engine journal {journal.Description}");
        var system = await BenchSystem.CreateAsync("bench-toobit", loggerFactory, journal.Journal, journal.Snapshots, ct);
        try
        {
            var login = new LoginOptions
            {
                Name = Login.Value,
                Venue = LoginOptions.ToobitVenue,
                Toobit = new Engine.Actors.Venues.Toobit.ToobitOptions
                {
                    Url = uri,
                    ApiKey = EngineApiKey,
                    Secret = EngineSecret,
                    Symbols = [ToobitBenchOrder.Symbol],
                    RequestWeightPerMinute = HighLimit,
                    OrdersPerInterval = HighLimit,
                },
            };
            var problems = login.Validate().ToList();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("bench login is invalid: " + string.Join("; ", problems));
            }

            var settings = new ConnectionsSettings([login], id => OrderBookActor.Props(id, new OrderBookOptions()));
            var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
            var flow = system.ActorOf(Props.Create(() => new OrderFlowActor(connections, Login, new Symbol(ToobitBenchOrder.Symbol))), "probe");

            await FirstAcceptedAsync(flow, progress, ct);
            await RoundTripsAsync(flow, Warmup, ct);
            return await RoundTripsAsync(flow, samples, ct);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Retries a single order until one is accepted: the login must reach READY and its symbol rules the order book.</summary>
    private static async Task FirstAcceptedAsync(IActorRef flow, TextWriter progress, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RoundTripsAsync(flow, 1, ct);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 100)
            {
                if (attempt == 1)
                {
                    await progress.WriteLineAsync($"toobit: waiting for the login to become tradable ({ex.Message})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }

    private static async Task<long[]> RoundTripsAsync(IActorRef flow, int count, CancellationToken ct)
    {
        var done = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        flow.Tell(new OrderFlowActor.Run(count, Window: 1, done));
        return await done.Task.WaitAsync(StepTimeout, ct);
    }

    private static double Percentile(long[] ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static AccountOptions Account(string id, string key, string secret) => new()
    {
        Id = id,
        ApiKey = key,
        Secret = secret,
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000_000_000m, ["BTC"] = 1_000m },
    };
}
