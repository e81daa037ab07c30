using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Bench.Orders;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;
using SimQuantOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Logins;

/// <summary>
/// <see cref="Logins"/> logins started at once against one in-process quant gateway simulator on loopback.
/// <para>
/// Simulator: configured, not changed. The quant gateway refuses a second live login of the same access key and
/// platform ("Do not log in repeat"), so it gets one account per login (its <c>Accounts</c> option, two sets: the
/// engine's and the baseline's); the idle timeout is raised so no socket is closed during the run, and READY follows
/// state 2 after <see cref="ReadyDelay"/> (as in the <c>orders</c> suite) rather than the default 200 ms.
/// </para>
/// <para>
/// Engine: an actor system composed like the host's (<see cref="BenchSystem"/>) with the real ConnectionsSupervisor
/// tree (per login: backoff supervisor, connection, heartbeat, correlator, budget, order book recovering from the
/// default durable journal), the logins in socket groups of <see cref="LoginsPerSocket"/> (the gateway multiplexes
/// logins on one socket by token; <c>ENGINE_BENCH_LOGINS_PER_SOCKET</c> changes it, 0 = a socket per login).
/// <c>logins.ready_seconds</c>: from creating the supervisor until every login published
/// <c>ConnectionStateChanged(Ready)</c>. <c>logins.bytes_per_login</c>: managed heap after a full GC with every login
/// ready, minus the heap after a full GC before the logins, divided by the logins (the in-process simulator's share of
/// each login is included, on both sides).
/// </para>
/// <para>
/// Baseline, same run, same simulator, same socket groups: <see cref="RawLoginGroup"/>s log their accounts in by hand
/// and wait for state 6 of each token.
/// </para>
/// <para>
/// Then, when <c>ENGINE_PG</c> (or <c>ENGINE_TEST_PG</c>) names a PostgreSQL server, <see cref="ClusterLoginsCase"/>:
/// 3,000 logins over three cluster nodes (<c>logins.cluster.ready_seconds</c>, <c>logins.cluster.bytes_per_login</c>).
/// <c>ENGINE_BENCH_LOGINS_SKIP_SINGLE=1</c> runs the cluster case alone.
/// </para>
/// </summary>
public sealed class LoginsSuite : IBenchSuite
{
    private const int Logins = 1_000;
    private static readonly TimeSpan ReadyDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public string Name => "logins";

    private static int LoginsPerSocket =>
        int.TryParse(Environment.GetEnvironmentVariable("ENGINE_BENCH_LOGINS_PER_SOCKET"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 50;

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        var perSocket = LoginsPerSocket;
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        if (Environment.GetEnvironmentVariable("ENGINE_BENCH_LOGINS_SKIP_SINGLE") != "1")
        {
            await foreach (var result in SingleNodeAsync(perSocket, loggerFactory, progress, cancellationToken))
            {
                yield return result;
            }
        }

        if (await ClusterLoginsCase.RunAsync(loggerFactory, progress, cancellationToken) is { } cluster)
        {
            yield return new BenchResult("logins.cluster.ready_seconds", "s", cluster.Seconds, LowerIsBetter: true);
            yield return new BenchResult("logins.cluster.bytes_per_login", "bytes", cluster.Bytes, LowerIsBetter: true);
        }
    }

    private static async IAsyncEnumerable<BenchResult> SingleNodeAsync(
        int perSocket, ILoggerFactory loggerFactory, TextWriter progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions
        {
            Accounts = [.. Accounts("engine"), .. Accounts("raw")],
            QuantGateway = new SimQuantOptions { ReadyDelay = ReadyDelay, IdleTimeout = TimeSpan.FromMinutes(30) },
        };
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", options, port: 0, loggerFactory, cancellationToken: cancellationToken);
        var groups = perSocket == 0 ? Logins : (Logins + perSocket - 1) / perSocket;
        await progress.WriteLineAsync($"logins: {Logins} logins, {groups} sockets ({(perSocket == 0 ? "one per login" : perSocket + " logins per socket group")}), simulator ready-delay {ReadyDelay.TotalMilliseconds} ms");

        await progress.WriteLineAsync("logins: raw baseline...");
        var (rawSeconds, rawBytes) = await RawAsync(simulator.WebSocketUri, perSocket, cancellationToken);
        await progress.WriteLineAsync($"logins: raw {rawSeconds:F3} s, {rawBytes:F0} bytes/login");

        await progress.WriteLineAsync("logins: engine...");
        var (seconds, bytes) = await EngineAsync(simulator.WebSocketUri, perSocket, loggerFactory, progress, cancellationToken);
        await progress.WriteLineAsync($"logins.ready_seconds: engine {seconds:F3} s, raw {rawSeconds:F3} s");
        await progress.WriteLineAsync($"logins.bytes_per_login: engine {bytes:F0}, raw {rawBytes:F0}");
        yield return new BenchResult("logins.ready_seconds", "s", seconds, rawSeconds, LowerIsBetter: true);
        yield return new BenchResult("logins.bytes_per_login", "bytes", bytes, rawBytes, LowerIsBetter: true);
    }

    private static async Task<(double Seconds, double Bytes)> RawAsync(Uri uri, int perSocket, CancellationToken cancellationToken)
    {
        var accounts = Enumerable.Range(0, Logins).Select(i => (Key: Key("raw", i), Secret: Secret("raw", i))).ToList();
        var chunks = accounts.Chunk(perSocket == 0 ? 1 : perSocket).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var groups = await Task.WhenAll(chunks.Select(c => RawLoginGroup.LoginAsync(uri, c, cancellationToken))).WaitAsync(ReadyTimeout, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var group in groups)
        {
            await group.DisposeAsync();
        }

        return (seconds, (after - before) / (double)Logins);
    }

    private static async Task<(double Seconds, double Bytes)> EngineAsync(
        Uri uri, int perSocket, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken cancellationToken)
    {
        using var journal = new BenchJournal("engine-bench-logins-");
        await progress.WriteLineAsync($"logins: engine journal {journal.Description}");
        var system = await BenchSystem.CreateAsync("bench-logins", loggerFactory, journal.Journal, journal.Snapshots, cancellationToken);
        try
        {
            var logins = Enumerable.Range(0, Logins).Select(i => new LoginOptions
            {
                Name = "login-" + i.ToString("D4", CultureInfo.InvariantCulture),
                Venue = LoginOptions.QuantGatewayVenue,
                SocketGroup = perSocket == 0 ? null : "g" + (i / perSocket).ToString(CultureInfo.InvariantCulture),
                QuantGateway = new EngineQuantOptions
                {
                    Url = uri,
                    Platform = "huobi",
                    Symbols = [OrderFlow.Symbol],
                    AccessKey = Key("engine", i),
                    SecretKey = Secret("engine", i),
                },
            }).ToImmutableArray();
            var settings = new ConnectionsSettings(logins, id => OrderBookActor.Props(id, new OrderBookOptions()));
            var counter = system.ActorOf(Props.Create(() => new ReadyCounterActor()), "ready-counter");
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await counter.Ask<ReadyCounterActor.Expect>(new ReadyCounterActor.Expect(Logins, done), TimeSpan.FromSeconds(10), cancellationToken);

            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
            await done.Task.WaitAsync(ReadyTimeout, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(connections);
            return (seconds, (after - before) / (double)Logins);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static IEnumerable<AccountOptions> Accounts(string side) => Enumerable.Range(0, Logins).Select(i => new AccountOptions
    {
        Id = $"bench-{side}-{i:D4}",
        ApiKey = Key(side, i),
        Secret = Secret(side, i),
        SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 100_000m).Add("BTC", 2m),
    });

    private static string Key(string side, int i) => string.Create(CultureInfo.InvariantCulture, $"bench-{side}-{i:D4}-key");

    private static string Secret(string side, int i) => string.Create(CultureInfo.InvariantCulture, $"bench-{side}-{i:D4}-secret");
}
