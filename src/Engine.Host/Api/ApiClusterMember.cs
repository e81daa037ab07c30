using System.Collections.Immutable;

namespace Engine.Host.Api;

/// <summary>One member of <see cref="ApiCluster"/>.</summary>
/// <param name="Node">Its node name (<c>127.0.0.1:2551</c>), as the audit names the node of each session.</param>
/// <param name="Address">Its Akka address.</param>
/// <param name="Status">Joining, WeaklyUp, Up, Leaving, Exiting, Down or Removed.</param>
/// <param name="Reachable">False while a failure detector marks it unreachable.</param>
/// <param name="Roles">Its cluster roles.</param>
/// <param name="Leader">True for the cluster's leader.</param>
/// <param name="Oldest">True for the oldest Up member (it runs the shard coordinator).</param>
/// <param name="Shards">Login shards it hosts; null when its region did not answer.</param>
/// <param name="Logins">Logins running there; null when its region did not answer.</param>
/// <param name="LoginNames">The configured logins whose shard it hosts.</param>
public sealed record ApiClusterMember(
    string Node,
    string Address,
    string Status,
    bool Reachable,
    ImmutableArray<string> Roles,
    bool Leader,
    bool Oldest,
    int? Shards,
    int? Logins,
    ImmutableArray<string> LoginNames);
