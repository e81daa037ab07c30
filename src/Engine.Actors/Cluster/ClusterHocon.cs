using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;

namespace Engine.Actors.Cluster;

/// <summary>
/// The engine's defaults for Akka.Cluster on a cluster node, under whatever the file's <c>akka</c> section sets (which wins).
/// Used only when <c>engine.cluster.enabled = true</c>; a single node gets none of it (no remoting, no cluster provider).
/// It lives here, not in the host, so the benchmarks' cluster nodes (bench/Engine.Bench) run on the same defaults.
/// The failover time of a crashed node's logins (the bar: 15 s) is the sum of these parts, each set here; the figures
/// are measured on one loopback machine by scripts/cluster-demo.sh (README "Running a cluster") and by the
/// <c>cluster-failover</c> bench (docs/ARCHITECTURE.md §12: 9.8 s to 10.8 s in all):
/// <list type="number">
/// <item>failure detection: the phi accrual detector marks the node unreachable once its heartbeats (every 1 s) have been
/// missing for <c>acceptable-heartbeat-pause</c> (2 s) plus the detector's margin (3.3 s to 5 s in all);</item>
/// <item>split-brain resolver: keep-majority downs the node once the membership has been stable for <c>stable-after</c>
/// (3 s), and the leader removes it at its next gossip (under 1 s);</item>
/// <item>down-removal margin (1 s): after the removal, the shards (and, when the oldest node died, the shard coordinator,
/// a cluster singleton) wait this long before starting on the survivors, the time the downed side is given to stop its
/// own logins; it overrides the resolver's default margin (stable-after);</item>
/// <item>re-allocation: a moved coordinator reads its state (distributed data), the regions register with it (retried
/// every <c>sharding.retry-interval</c>, 1 s) and the remembered shards are allocated to the survivors (about 1 s);</item>
/// <item>recovery: remember-entities restarts each login on its new node; its book replays from PostgreSQL (a snapshot and
/// the events after it) and the connection logs in and reconciles with the venue (about 2 s for a dozen logins).</item>
/// </list>
/// Rebalancing moves up to half of the shards (at most 10) per round, so a node that joins takes its share in a round or two.
/// Keep-majority: on a partition the side with more than half of the members survives and the other side downs itself
/// (on a tie the side with the lowest address survives), so a login never runs on both sides; with three nodes any single
/// node may fail. <c>min-nr-of-members</c> must stay below the cluster's size: a shard coordinator that moves (its node
/// died) places no shard until that many regions have registered with it, so with three nodes and a minimum of three the
/// logins of a dead oldest node would never start again. Remember-entities lives in distributed data, replicated to every
/// member (not on disk): a whole cluster started from scratch starts every login from the <c>StartLogin</c> each node sends
/// for the configured logins.
/// </summary>
public static class ClusterHocon
{
    /// <summary>The defaults.</summary>
    public static AkkaConfig Defaults { get; } = ConfigurationFactory.ParseString("""
        akka {
          actor.provider = cluster
          # A node that stops hands its logins off; each connection's drain waits for the replies in flight up to the
          # login's drain-timeout (10 s by default) plus the entity's grace (5 s): the phase must outlast it.
          coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 20s
          cluster {
            downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            split-brain-resolver {
              active-strategy = keep-majority
              stable-after = 3s
            }
            down-removal-margin = 1s
            failure-detector {
              heartbeat-interval = 1s
              acceptable-heartbeat-pause = 2s
            }
            sharding {
              retry-interval = 1s
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
