using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Bench.Orders;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;
using SimQuantOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Logins;

/// <summary>
/// The cluster case of the <c>logins</c> suite: <see cref="Logins"/> logins (3,000; <c>ENGINE_BENCH_CLUSTER_LOGINS</c>
/// changes it) as sharded entities over three engine nodes in this process on loopback (<see cref="BenchClusterNodes"/>),
/// one quant gateway simulator with an account per login, the shared PostgreSQL journal of <c>ENGINE_PG</c> (or
/// <c>ENGINE_TEST_PG</c>). A cluster login has its own socket (a socket group cannot move between nodes).
/// <c>logins.cluster.ready_seconds</c>: from asking for every login (one <c>StartLogin</c> each through the first node's
/// region) until every login published <c>ConnectionStateChanged(Ready)</c> on some node.
/// <c>logins.cluster.bytes_per_login</c>: managed heap of the process after a full GC with every login ready, minus the heap
/// after a full GC with the three nodes up and no login, over the logins (the simulator's share included, as in the
/// single-node case). Login names carry a run id, so a reused database holds no earlier run's books for them.
/// </summary>
internal static class ClusterLoginsCase
{
    private const int Nodes = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(10);

    public static int Logins =>
        int.TryParse(Environment.GetEnvironmentVariable("ENGINE_BENCH_CLUSTER_LOGINS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3_000;

    /// <summary>Runs the case; null (with a progress line) when no PostgreSQL is configured.</summary>
    public static async Task<(double Seconds, double Bytes)?> RunAsync(ILoggerFactory loggerFactory, TextWriter progress, CancellationToken cancellationToken)
    {
        if (BenchClusterNodes.SharedJournal() is not { } shared)
        {
            await progress.WriteLineAsync("logins: cluster case skipped: set ENGINE_PG (or ENGINE_TEST_PG) to a PostgreSQL connection string");
            return null;
        }

        var (journal, snapshots) = shared;
        var count = Logins;
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{run}-{i:D4}")).ToList();
        var options = new SimulatorOptions
        {
            Accounts = [.. names.Select(n => new AccountOptions
            {
                Id = n,
                ApiKey = n + "-key",
                Secret = n + "-secret",
                SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 100_000m).Add("BTC", 2m),
            })],
            QuantGateway = new SimQuantOptions { ReadyDelay = TimeSpan.FromMilliseconds(20), IdleTimeout = TimeSpan.FromMinutes(30) },
        };
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", options, port: 0, loggerFactory, cancellationToken: cancellationToken);
        ImmutableArray<LoginOptions> logins = [.. names.Select(n => new LoginOptions
        {
            Name = n,
            Venue = LoginOptions.QuantGatewayVenue,
            QuantGateway = new EngineQuantOptions
            {
                Url = simulator.WebSocketUri,
                Platform = "huobi",
                Symbols = [OrderFlow.Symbol],
                AccessKey = n + "-key",
                SecretKey = n + "-secret",
            },
        })];
        await progress.WriteLineAsync($"logins: cluster case: {count} logins over {Nodes} nodes, journal postgresql (run {run})");
        await using var cluster = await BenchClusterNodes.StartAsync(Nodes, logins, journal, snapshots, loggerFactory, cancellationToken);
        var ready = new ConcurrentDictionary<LoginId, byte>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var system in cluster.Systems)
        {
            system.ActorOf(Props.Create(() => new ClusterReadyTally(ready, count, done)), "ready-tally");
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        cluster.StartLogins(logins);
        await done.Task.WaitAsync(ReadyTimeout, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perNode = await Task.WhenAll(cluster.Systems.Select(async s =>
            (await s.ActorSelection("/system/sharding/logins").Ask<Akka.Cluster.Sharding.CurrentShardRegionState>(Akka.Cluster.Sharding.GetShardRegionState.Instance, TimeSpan.FromSeconds(30), cancellationToken))
                .Shards.Sum(sh => sh.EntityIds.Count)));
        await progress.WriteLineAsync($"logins.cluster: {count} Ready in {seconds:F3} s; logins per node {string.Join(" / ", perNode)}");
        return (seconds, (after - before) / (double)count);
    }
}
