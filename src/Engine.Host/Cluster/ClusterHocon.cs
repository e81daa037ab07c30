using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;

namespace Engine.Host.Cluster;

/// <summary>
/// The engine's defaults for Akka.Cluster on a cluster node, under whatever the file's <c>akka</c> section sets (which wins).
/// Used only when <c>engine.cluster.enabled = true</c>; a single node gets none of it (no remoting, no cluster provider).
/// The failover time of a crashed node's logins is the sum of three parts, each set here (the bar: 15 s):
/// <list type="number">
/// <item>failure detection: the phi accrual detector marks the node unreachable a few seconds after its heartbeats stop
/// (<c>acceptable-heartbeat-pause</c> 2 s plus the detector's margin; 6-7 s measured with 3 s);</item>
/// <item>split-brain resolver: keep-majority decides once the membership has been stable for <c>stable-after</c> (4 s), the
/// leader removes the node, and the shard coordinator (moved too when the oldest node died) reallocates its shards
/// <c>down-removal-margin</c> (2 s) later, the time the downed side is given to stop its own logins;</item>
/// <item>recovery: remember-entities restarts each login on a surviving node; its book replays from PostgreSQL (a
/// snapshot and the events after it) and the connection logs in and reconciles with the venue (2 s for 25 logins measured).</item>
/// </list>
/// Rebalancing moves up to half of the shards (at most 10) per round, so a node that joins takes its share in a round or two.
/// Keep-majority: on a partition the side with more than half of the members survives and the other side downs itself
/// (on a tie the side with the lowest address survives), so a login never runs on both sides; with three nodes any single
/// node may fail. Remember-entities lives in distributed data, replicated to every member (not on disk): a whole cluster
/// started from scratch starts every login from the <c>StartLogin</c> each node sends for the configured logins.
/// </summary>
public static class ClusterHocon
{
    /// <summary>The defaults.</summary>
    public static AkkaConfig Defaults { get; } = ConfigurationFactory.ParseString("""
        akka {
          actor.provider = cluster
          cluster {
            downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            split-brain-resolver {
              active-strategy = keep-majority
              stable-after = 4s
            }
            down-removal-margin = 2s
            failure-detector {
              heartbeat-interval = 1s
              acceptable-heartbeat-pause = 2s
            }
            sharding {
              least-shard-allocation-strategy {
                rebalance-absolute-limit = 10
                rebalance-relative-limit = 0.5
              }
              remember-entities = on
              state-store-mode = ddata
              remember-entities-store = ddata
              distributed-data.durable.keys = []
            }
          }
        }
        """);
}
