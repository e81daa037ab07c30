using System.Collections.Immutable;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Engine.Actors.Cluster;
using Engine.Actors.Connections;
using Engine.Actors.Strategies;
using Engine.Messages.Identifiers;

namespace Engine.Host.Cluster;

/// <summary>
/// Turns an Akka.Hosting actor system into an engine cluster node with Akka.Cluster.Hosting: cluster membership with the
/// split-brain resolver (keep-majority), distributed pub-sub, the node's <see cref="LoginEventRelay"/>
/// (<c>/user/login-events</c>) and the login shard region (<see cref="LoginRegion"/>, remember-entities on, entities
/// <see cref="LoginEntity"/>, hand-off message <see cref="LoginHandOff"/>) and the remoting serializer of the risk
/// singleton's snapshots and status (<see cref="RiskSingletonSerializer"/>). Seed nodes, the remoting address and the
/// timings come from the file's <c>akka</c> section over <see cref="ClusterHocon.Defaults"/>.
/// </summary>
public static class EngineClusterHosting
{
    /// <summary>Adds the cluster node to <paramref name="akka"/>; call before the actors that use the region are created.</summary>
    public static AkkaConfigurationBuilder WithEngineCluster(
        this AkkaConfigurationBuilder akka, EngineClusterOptions options, ConnectionsSettings connections, IReadOnlyList<StrategyOptions> strategies)
    {
        ArgumentNullException.ThrowIfNull(akka);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(strategies);
        var followed = FollowedLogins(strategies);
        return akka
            .WithClustering(new ClusterOptions { SplitBrainResolver = new KeepMajorityOption() })
            .WithDistributedPubSub(string.Empty)
            .AddHocon(RiskSingletonSerializer.Config, HoconAddMode.Append)
            .WithActors((system, registry) => registry.Register<LoginEventRelay>(system.ActorOf(LoginEventRelay.Props(followed), "login-events")))
            .WithShardRegion<LoginRegion>(
                LoginRegion.TypeName,
                entityId => LoginEntity.Props(entityId, connections),
                new LoginMessageExtractor(options.Shards),
                new ShardOptions
                {
                    RememberEntities = true,
                    StateStoreMode = StateStoreMode.DData,
                    RememberEntitiesStore = RememberEntitiesStore.DData,
                    HandOffStopMessage = LoginHandOff.Instance,
                });
    }

    /// <summary>The logins a node's <see cref="LoginEventRelay"/> follows: those its enabled strategies trade.</summary>
    public static ImmutableArray<LoginId> FollowedLogins(IReadOnlyList<StrategyOptions> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        return strategies.Where(s => s.Enabled).SelectMany(s => s.Logins).Select(l => new LoginId(l.Trim())).Distinct().ToImmutableArray();
    }
}
