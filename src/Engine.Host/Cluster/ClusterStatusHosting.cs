using Akka.Actor;
using Engine.Actors.Cluster;
using Engine.Actors.Connections;
using Engine.Actors.Monitoring;
using Engine.Messages.Identifiers;

namespace Engine.Host.Cluster;

/// <summary>
/// Starts a cluster node's <see cref="ClusterStatusActor"/> (<c>/user/cluster-status</c>) over the login shard region,
/// naming the logins by the region's own shard mapping (<see cref="LoginMessageExtractor"/> over <c>engine.cluster.shards</c>).
/// </summary>
public static class ClusterStatusHosting
{
    /// <summary>The actor's name under <c>/user</c>.</summary>
    public const string Name = "cluster-status";

    /// <summary>Starts the actor in <paramref name="system"/>; its lines are logged every <paramref name="interval"/>.</summary>
    public static IActorRef Start(ActorSystem system, IActorRef loginRegion, EngineClusterOptions options, IEnumerable<LoginOptions> logins, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logins);
        var extractor = new LoginMessageExtractor(options.Shards);
        var names = logins.Where(l => l.Enabled).Select(l => l.Name).ToList();
        return system.ActorOf(
            ClusterStatusActor.Props(loginRegion, names, name => extractor.ShardId(name, new StartLogin(new LoginId(name))), interval),
            Name);
    }
}
