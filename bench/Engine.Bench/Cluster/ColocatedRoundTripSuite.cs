using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Engine.Actors.Cluster;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Bench.Logins;
using Engine.Bench.Orders;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;
using SimQuantOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Cluster;

/// <summary>
/// <c>cluster.orders.roundtrip_p50_us</c>: the order round trip (submit → <c>OrderAccepted</c> on the event stream, one
/// order at a time, <see cref="OrderFlowActor"/>) of a strategy co-located with its login on a cluster node, against the
/// same on a single node (the baseline), same run, same simulator, same PostgreSQL journal (<c>ENGINE_PG</c>, else
/// <c>ENGINE_TEST_PG</c>; skipped without one). Single node: the <c>ConnectionsSupervisor</c> tree as in the <c>orders</c>
/// suite. Cluster: three nodes in this process (<see cref="BenchClusterNodes"/>); the strategy runs on the node the shard
/// coordinator placed the login on (as <c>FollowFirstLogin</c> places it) and sends to that node's
/// <see cref="ClusterConnections"/>, so each command crosses the local shard region and the login's entity, not the
/// network. Rounds of the two alternate so drift of the machine hits both. The bar: co-located within 10% of single node.
/// </summary>
public sealed class ColocatedRoundTripSuite : IBenchSuite
{
    private const int Warmup = 1_000;
    private const int Chunk = 500;
    private const int Chunks = 6;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <inheritdoc />
    public string Name => "cluster-roundtrip";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        if (BenchClusterNodes.SharedJournal() is not { } shared)
        {
            await progress.WriteLineAsync("cluster-roundtrip: skipped: set ENGINE_PG (or ENGINE_TEST_PG) to a PostgreSQL connection string");
            yield break;
        }

        var (journal, snapshots) = shared;
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        var run = Guid.NewGuid().ToString("N")[..8];
        var single = Login($"rt-single-{run}");
        var colocated = Login($"rt-cluster-{run}");
        var simulatorOptions = new SimulatorOptions
        {
            Accounts = [Account(single.Name), Account(colocated.Name)],
            QuantGateway = new SimQuantOptions { ReadyDelay = TimeSpan.FromMilliseconds(20), IdleTimeout = TimeSpan.FromMinutes(10) },
        };
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", simulatorOptions, port: 0, loggerFactory, cancellationToken: cancellationToken);
        single = With(single, simulator.WebSocketUri);
        colocated = With(colocated, simulator.WebSocketUri);

        var singleSystem = await BenchSystem.CreateAsync("bench-single", loggerFactory, journal, snapshots, cancellationToken);
        await using var cluster = await BenchClusterNodes.StartAsync(3, [colocated], journal, snapshots, loggerFactory, cancellationToken);
        try
        {
            var settings = new ConnectionsSettings([single], id => OrderBookActor.Props(id, new OrderBookOptions()));
            var singleConnections = singleSystem.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
            var singleFlow = singleSystem.ActorOf(Props.Create(() => new OrderFlowActor(singleConnections, new LoginId(single.Name), new Symbol(OrderFlow.Symbol))), "strategy");

            cluster.StartLogins([colocated]);
            var home = await HomeAsync(cluster, colocated.Name, cancellationToken);
            var node = cluster.Systems[home];
            var clusterConnections = node.ActorOf(ClusterConnections.Props(cluster.Regions[home], [colocated]), "connections");
            var clusterFlow = node.ActorOf(Props.Create(() => new OrderFlowActor(clusterConnections, new LoginId(colocated.Name), new Symbol(OrderFlow.Symbol))), "strategy");
            await progress.WriteLineAsync($"cluster-roundtrip: login {colocated.Name} placed on node {home + 1} of 3; strategy there");

            await TradableAsync(singleFlow, progress, cancellationToken);
            await TradableAsync(clusterFlow, progress, cancellationToken);
            await FlowAsync(singleFlow, Warmup);
            await FlowAsync(clusterFlow, Warmup);
            var singleSamples = new List<long>();
            var clusterSamples = new List<long>();
            for (var i = 0; i < Chunks; i++)
            {
                singleSamples.AddRange(await FlowAsync(singleFlow, Chunk));
                clusterSamples.AddRange(await FlowAsync(clusterFlow, Chunk));
            }

            var singleP50 = Percentile(singleSamples, 0.50);
            var clusterP50 = Percentile(clusterSamples, 0.50);
            await progress.WriteLineAsync($"cluster.orders.roundtrip_p50_us: co-located in a cluster {clusterP50:F1} us, single node {singleP50:F1} us ({(clusterP50 / singleP50 - 1) * 100:+0.0;-0.0}%); p99 {Percentile(clusterSamples, 0.99):F1} vs {Percentile(singleSamples, 0.99):F1} us");
            yield return new BenchResult("cluster.orders.roundtrip_p50_us", "us", clusterP50, singleP50, LowerIsBetter: true);
            yield return new BenchResult("cluster.orders.roundtrip_p99_us", "us", Percentile(clusterSamples, 0.99), Percentile(singleSamples, 0.99), LowerIsBetter: true);
        }
        finally
        {
            await singleSystem.Terminate();
        }
    }

    /// <summary>The index of the node whose region runs <paramref name="login"/>'s entity.</summary>
    private static async Task<int> HomeAsync(BenchClusterNodes cluster, string login, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RunTimeout)
        {
            for (var i = 0; i < cluster.Regions.Length; i++)
            {
                var state = await cluster.Regions[i].Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10), cancellationToken);
                if (state.Shards.Any(s => s.EntityIds.Contains(login)))
                {
                    return i;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"login {login} was not placed on any node within {RunTimeout}");
    }

    private static async Task TradableAsync(IActorRef flow, TextWriter progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FlowAsync(flow, 1);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 300)
            {
                if (attempt == 1)
                {
                    await progress.WriteLineAsync($"cluster-roundtrip: waiting for a login to become tradable ({ex.Message})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private static async Task<long[]> FlowAsync(IActorRef flow, int count)
    {
        var done = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        flow.Tell(new OrderFlowActor.Run(count, 1, done));
        return await done.Task.WaitAsync(RunTimeout);
    }

    private static double Percentile(List<long> ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static LoginOptions Login(string name) => new() { Name = name, Venue = LoginOptions.QuantGatewayVenue };

    private static LoginOptions With(LoginOptions login, Uri venue) => login with
    {
        QuantGateway = new EngineQuantOptions
        {
            Url = venue,
            Platform = "huobi",
            Symbols = [OrderFlow.Symbol],
            AccessKey = login.Name + "-key",
            SecretKey = login.Name + "-secret",
        },
    };

    private static AccountOptions Account(string id) => new()
    {
        Id = id,
        ApiKey = $"{id}-key",
        Secret = $"{id}-secret",
        SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 1_000_000_000m).Add("BTC", 1_000m),
    };
}
