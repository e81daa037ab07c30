using System.ComponentModel.DataAnnotations;

namespace Engine.Actors.Cluster;

/// <summary>
/// The <c>engine.cluster</c> section: whether this node joins an Akka.Cluster and runs its logins as sharded entities.
/// Membership itself (seed nodes, remoting address, failure detector, split-brain resolver) is Akka's own configuration
/// under <c>akka.cluster</c> and <c>akka.remote</c>, passed to Akka as written. Immutable; validated when bound.
/// </summary>
public sealed record EngineClusterOptions
{
    /// <summary>
    /// False (the default): one process, the actor tree of a single node, no remoting. True: the node joins the cluster of
    /// <c>akka.cluster.seed-nodes</c>, each login is a sharded entity, strategies follow their first login.
    /// </summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Shards the logins are hashed into. Placement and rebalancing move whole shards, so this is the unit of balance:
    /// about ten times the largest number of nodes. Every node must use the same value.
    /// </summary>
    [Range(1, 100_000)]
    public int Shards { get; init; } = 100;
}
