using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Kernel.Persistence.Journal;
using Engine.Kernel.Persistence.Snapshots;
using Engine.Kernel.Persistence.Sqlite;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;
using SimQuantOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Orders;

/// <summary>
/// Orders through the whole engine (ConnectionsSupervisor → ConnectionActor → OrderBookActor with the SQLite journal,
/// default synchronous setting, in a temp dir) against the in-process quant gateway simulator, next to a raw
/// <see cref="ClientWebSocket"/> client speaking the protocol by hand against the same simulator in the same run.
/// Each side logs in with its own simulator account, so neither sees the other's resting orders.
/// Latency lines: value = engine, baseline = raw, ratio = baseline / value (higher is better); the difference in µs
/// is printed to stderr. Throughput: orders/s from the first submit to the last accept with a window in flight.
/// </summary>
public sealed class OrdersSuite : IBenchSuite
{
    private const int WarmupRoundTrips = 1_000;
    private const int RoundTrips = 3_000;
    private const int WarmupPipelined = 10_000;
    private const int Pipelined = 30_000;
    private const int Window = 1_000;
    private static readonly LoginId Login = new("bench");
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public string Name => "orders";

    /// <summary>
    /// <c>sqlite</c> (the measured configuration); <c>ENGINE_BENCH_ORDERS_JOURNAL=in-memory</c> isolates the journal's
    /// share when profiling.
    /// </summary>
    /// <summary>The SQLite journal's durability: the default (FULL) unless <c>ENGINE_BENCH_ORDERS_SYNCHRONOUS</c> names another level.</summary>
    private static SqliteSynchronous Synchronous =>
        Enum.TryParse<SqliteSynchronous>(Environment.GetEnvironmentVariable("ENGINE_BENCH_ORDERS_SYNCHRONOUS"), ignoreCase: true, out var level)
            ? level
            : new SqliteOptions().Synchronous;

    private static string JournalPlugin => Environment.GetEnvironmentVariable("ENGINE_BENCH_ORDERS_JOURNAL") is { Length: > 0 } plugin ? plugin : "sqlite";

    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
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

        context.Progress.WriteLine("orders: raw ClientWebSocket baseline...");
        var (raw, rawSeconds) = await RawAsync(simulator.WebSocketUri, context.Progress, cancellationToken);
        context.Progress.WriteLine("orders: engine...");
        var (engine, engineSeconds) = await EngineAsync(simulator.WebSocketUri, loggerFactory, context.Progress, cancellationToken);

        var rawP50 = Percentile(raw, 0.50);
        var rawP99 = Percentile(raw, 0.99);
        var p50 = Percentile(engine, 0.50);
        var p99 = Percentile(engine, 0.99);
        context.Progress.WriteLine($"orders.roundtrip_p50_us: engine {p50:F1} µs, raw {rawP50:F1} µs, difference {p50 - rawP50:F1} µs (target: ≤ 300)");
        context.Progress.WriteLine($"orders.roundtrip_p99_us: engine {p99:F1} µs, raw {rawP99:F1} µs, difference {p99 - rawP99:F1} µs");
        yield return new BenchResult("orders.roundtrip_p50_us", "us", p50, rawP50, LowerIsBetter: true);
        yield return new BenchResult("orders.roundtrip_p99_us", "us", p99, rawP99, LowerIsBetter: true);
        yield return new BenchResult("orders.throughput", "orders/s", Pipelined / engineSeconds, Pipelined / rawSeconds);
    }

    private static async Task<(long[] Samples, double Seconds)> RawAsync(Uri uri, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var client = await RawQuantClient.ConnectAsync(uri, "bench-raw-key", "bench-raw-secret", cancellationToken);
        await client.RoundTripsAsync(WarmupRoundTrips, cancellationToken);
        var samples = await client.RoundTripsAsync(RoundTrips, cancellationToken);
        await client.PipelinedAsync(WarmupPipelined, Window, cancellationToken);
        using var cost = new CostMeter("raw pipelined", Pipelined, progress);
        var seconds = await client.PipelinedAsync(Pipelined, Window, cancellationToken);
        return (samples, seconds);
    }

    private static async Task<(long[] Samples, double Seconds)> EngineAsync(Uri uri, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("engine-bench-orders-");
        var database = Path.Combine(directory.FullName, "journal.db");
        var persistence = await PersistenceExtension.OpenAsync(
            new JournalOptions { Plugin = JournalPlugin, Sqlite = new() { Path = database, Synchronous = Synchronous } },
            new SnapshotStoreOptions { Plugin = JournalPlugin, Sqlite = new() { Path = database } },
            OrderJournal.CreateRegistry(),
            TimeProvider.System,
            cancellationToken);
        var system = ActorSystem.Create("bench-orders", new ActorSystemOptions { LoggerFactory = loggerFactory });
        try
        {
            var login = new LoginOptions
            {
                Name = Login.Value,
                Venue = LoginOptions.QuantGatewayVenue,
                QuantGateway = new EngineQuantOptions
                {
                    Url = uri,
                    Platform = "huobi",
                    Symbols = [OrderFlow.Symbol],
                    AccessKey = "bench-engine-key",
                    SecretKey = "bench-engine-secret",
                },
            };
            var settings = new ConnectionsSettings([login], persistence, id => OrderBookActor.Props(id, persistence, new OrderBookOptions()));
            var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
            var flow = system.ActorOf(Props.Create(() => new OrderFlowActor(connections, Login)), "strategy");

            await WaitUntilTradableAsync(flow, progress, cancellationToken);
            await FlowAsync(flow, WarmupRoundTrips, 1);
            var samples = await FlowAsync(flow, RoundTrips, 1);
            await FlowAsync(flow, WarmupPipelined, Window);
            var started = Stopwatch.GetTimestamp();
            using (new CostMeter("engine pipelined", Pipelined, progress))
            {
                await FlowAsync(flow, Pipelined, Window);
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var events = await persistence.Journal.ReadHighestSequenceNrAsync(OrderJournal.PersistenceIdOf(Login), 0, cancellationToken);
            progress.WriteLine($"orders: {events} journal events for about {WarmupRoundTrips + RoundTrips + WarmupPipelined + Pipelined} orders");
            return (samples, seconds);
        }
        finally
        {
            await system.Terminate();
            await persistence.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Submits single orders until one is accepted: READY and the symbol rules reach the order book shortly after login.</summary>
    private static async Task WaitUntilTradableAsync(IActorRef flow, TextWriter progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FlowAsync(flow, 1, 1);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 100)
            {
                if (attempt == 1)
                {
                    progress.WriteLine($"orders: waiting for the login to become tradable ({ex.Message})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private static async Task<long[]> FlowAsync(IActorRef flow, int count, int window)
    {
        var done = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        flow.Tell(new OrderFlowActor.Run(count, window, done));
        return await done.Task.WaitAsync(RunTimeout);
    }

    private static double Percentile(long[] ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static AccountOptions BenchAccount(string id) => new()
    {
        Id = id,
        ApiKey = $"{id}-key",
        Secret = $"{id}-secret",
        SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 1_000_000_000m).Add("BTC", 1_000m),
    };
}
