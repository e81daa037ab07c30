using System.Collections.Immutable;
using Engine.Actors.Monitoring;

namespace Engine.Host.Api;

/// <summary>The cluster in <see cref="ApiStatus"/> (null on a single node): members, shards and logins per node.</summary>
/// <param name="Self">The node that answered.</param>
/// <param name="Members">Every member, in address order.</param>
/// <param name="Problem">Why shards or logins are missing for some node; null when complete.</param>
public sealed record ApiCluster(string Self, ImmutableArray<ApiClusterMember> Members, string? Problem)
{
    /// <summary>The API form of <paramref name="status"/>.</summary>
    public static ApiCluster Of(ClusterStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ApiCluster(
            status.Self,
            [.. status.Members.Select(m => new ApiClusterMember(m.Node, m.Address, m.Status, m.Reachable, m.Roles, m.IsLeader, m.IsOldest, m.Shards, m.Logins, m.LoginNames))],
            status.Problem);
    }
}
