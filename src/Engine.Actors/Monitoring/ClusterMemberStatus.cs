using System.Collections.Immutable;

namespace Engine.Actors.Monitoring;

/// <summary>One member of the cluster in a <see cref="ClusterStatus"/>. Immutable.</summary>
/// <param name="Node">Its node name (<see cref="NodeName"/>: <c>127.0.0.1:2551</c>), as sessions journal it.</param>
/// <param name="Address">Its full Akka address (<c>akka.tcp://engine@127.0.0.1:2551</c>).</param>
/// <param name="Status">Akka's member status: Joining, WeaklyUp, Up, Leaving, Exiting, Down, Removed.</param>
/// <param name="Reachable">False while the failure detector of some member marks it unreachable.</param>
/// <param name="Roles">Its cluster roles, sorted.</param>
/// <param name="IsLeader">True for the cluster's leader (the member that moves others between statuses).</param>
/// <param name="IsOldest">True for the oldest Up member (it runs the shard coordinator).</param>
/// <param name="Shards">Login shards its region hosts; null when its region did not answer in time.</param>
/// <param name="Logins">The logins (sharded entities) running there; null when its region did not answer in time.</param>
/// <param name="LoginNames">The configured logins whose shard it hosts, sorted; empty when its region did not answer.</param>
public sealed record ClusterMemberStatus(
    string Node,
    string Address,
    string Status,
    bool Reachable,
    ImmutableArray<string> Roles,
    bool IsLeader,
    bool IsOldest,
    int? Shards,
    int? Logins,
    ImmutableArray<string> LoginNames);
