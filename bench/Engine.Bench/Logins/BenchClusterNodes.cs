using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Engine.Actors.Cluster;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;
using Microsoft.Extensions.Logging;
using AkkaConfig = Akka.Configuration.Config;

namespace Engine.Bench.Logins;

/// <summary>
/// Engine cluster nodes in this process on loopback, composed as a cluster node of the host composes them
/// (src/Engine.Host/Cluster, on the engine's cluster defaults <see cref="ClusterHocon.Defaults"/> under the node's
/// remoting port and seed: Akka.Cluster with the keep-majority split-brain resolver, Akka.Cluster.Sharding with
/// remember-entities in distributed data, the login region of <see cref="LoginEntity"/> keyed by
/// <see cref="LoginMessageExtractor"/>, hand-off by <see cref="LoginHandOff"/>), every node on one shared PostgreSQL
/// journal. <see cref="StartAsync"/> returns once every node is Up; the logins start when told (<see cref="StartLogins"/>).
/// </summary>
internal sealed class BenchClusterNodes : IAsyncDisposable
{
    private const string SystemName = "bench-cluster";
    private const int Shards = 100;

    private BenchClusterNodes(ImmutableArray<ActorSystem> systems, ImmutableArray<IActorRef> regions)
    {
        Systems = systems;
        Regions = regions;
    }

    public ImmutableArray<ActorSystem> Systems { get; }

    /// <summary>Each node's login shard region.</summary>
    public ImmutableArray<IActorRef> Regions { get; }

    /// <summary>The shared journal of <c>ENGINE_PG</c> (else <c>ENGINE_TEST_PG</c>); null when neither is set.</summary>
    public static (JournalOptions Journal, SnapshotStoreOptions Snapshots)? SharedJournal()
    {
        var connection = Environment.GetEnvironmentVariable("ENGINE_PG") is { Length: > 0 } pg ? pg
            : Environment.GetEnvironmentVariable("ENGINE_TEST_PG") is { Length: > 0 } test ? test : null;
        if (connection is null)
        {
            return null;
        }

        var options = new PostgreSqlOptions { ConnectionString = connection };
        return (new JournalOptions { Plugin = "engine", Database = "postgresql", PostgreSql = options },
            new SnapshotStoreOptions { Plugin = "engine", Database = "postgresql", PostgreSql = options });
    }

    /// <summary>Starts <paramref name="nodes"/> nodes running <paramref name="logins"/> as sharded entities on the shared journal.</summary>
    public static async Task<BenchClusterNodes> StartAsync(
        int nodes, ImmutableArray<LoginOptions> logins, JournalOptions journal, SnapshotStoreOptions snapshots, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var ports = Enumerable.Range(0, nodes).Select(_ => FreePort()).ToArray();
        var settings = new ConnectionsSettings(logins, id => OrderBookActor.Props(id, new OrderBookOptions()));
        var systems = ImmutableArray.CreateBuilder<ActorSystem>();
        var regions = ImmutableArray.CreateBuilder<IActorRef>();
        foreach (var port in ports)
        {
            var system = await BenchSystem.CreateAsync(SystemName, loggerFactory, journal, snapshots, Hocon(port, ports[0]), cancellationToken);
            systems.Add(system);
            var sharding = ClusterSharding.Get(system);
            var shardingSettings = ClusterShardingSettings.Create(system);
            regions.Add(await sharding.StartAsync(
                "logins",
                entityId => LoginEntity.Props(entityId, settings),
                shardingSettings,
                new LoginMessageExtractor(Shards),
                sharding.DefaultShardAllocationStrategy(shardingSettings),
                LoginHandOff.Instance));
        }

        var cluster = new BenchClusterNodes(systems.ToImmutable(), regions.ToImmutable());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (cluster.Systems.Any(s => Akka.Cluster.Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up) < nodes))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                await cluster.DisposeAsync();
                throw new TimeoutException($"the {nodes} bench cluster nodes did not all see each other Up within a minute");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return cluster;
    }

    /// <summary>Asks for every login once, through the first node's region; the coordinator places each where it will.</summary>
    public void StartLogins(IEnumerable<LoginOptions> logins)
    {
        foreach (var login in logins)
        {
            Regions[0].Tell(new StartLogin(new Engine.Messages.Identifiers.LoginId(login.Name)), ActorRefs.NoSender);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var system in Systems.Reverse())
        {
            await system.Terminate();
        }
    }

    /// <summary>A node's own settings (remoting port, seed) over the engine's cluster defaults, as <c>engine run</c> composes them.</summary>
    private static AkkaConfig Hocon(int port, int seed) => ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
        akka {
          remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
          coordinated-shutdown.run-by-actor-system-terminate = off
          cluster.seed-nodes = ["akka.tcp://{{SystemName}}@127.0.0.1:{{seed}}"]
        }
        """)).WithFallback(ClusterHocon.Defaults);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
