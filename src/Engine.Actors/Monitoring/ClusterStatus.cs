using System.Collections.Immutable;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using static Akka.Cluster.ClusterEvent;
using Akka.Cluster.Sharding;

namespace Engine.Actors.Monitoring;

/// <summary>
/// The cluster as one node sees it: every member (status, reachability, roles, which is the leader and which the
/// oldest), and per member the login shards and logins its shard region hosts (Akka's <see cref="ClusterShardingStats"/>).
/// Immutable; built by the pure <see cref="Of"/>.
/// </summary>
/// <param name="Self">This node's name.</param>
/// <param name="Members">Every member, in address order.</param>
/// <param name="Problem">Why the shard counts are missing or partial (the region did not answer, some regions did not); null when complete.</param>
public sealed record ClusterStatus(string Self, ImmutableArray<ClusterMemberStatus> Members, string? Problem)
{
    /// <summary>
    /// The status from Akka's view of the membership <paramref name="state"/> and the sharding statistics <paramref name="stats"/>
    /// (null when the region did not answer). A member's login names are the configured <paramref name="logins"/> whose shard
    /// (<paramref name="shardOf"/>) the member hosts: every enabled login is started and remembered, so a hosted shard runs
    /// all of its logins.
    /// </summary>
    public static ClusterStatus Of(CurrentClusterState state, Address self, ClusterShardingStats? stats, IEnumerable<string> logins, Func<string, string> shardOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentNullException.ThrowIfNull(shardOf);
        var byShard = logins.GroupBy(shardOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var oldest = state.Members.Where(m => m.Status == MemberStatus.Up).Aggregate((Member?)null, (o, m) => o is null || m.IsOlderThan(o) ? m : o);
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members
            .Concat(state.Unreachable.Where(u => !state.Members.Contains(u)))
            .OrderBy(m => m.Address)
            .Select(m =>
            {
                var region = stats?.Regions.GetValueOrDefault(m.Address);
                var names = region is null
                    ? []
                    : region.Stats.Keys.SelectMany(shard => byShard.GetValueOrDefault(shard) ?? []).Order(StringComparer.Ordinal).ToImmutableArray();
                return new ClusterMemberStatus(
                    NodeName.Of(m.Address),
                    m.Address.ToString(),
                    m.Status.ToString(),
                    !unreachable.Contains(m.Address),
                    [.. m.Roles.Order(StringComparer.Ordinal)],
                    m.Address.Equals(state.Leader),
                    oldest is not null && m.Address.Equals(oldest.Address),
                    region?.Stats.Count,
                    region?.Stats.Values.Sum(),
                    names);
            })
            .ToImmutableArray();
        var missing = members.Where(m => m.Shards is null && m.Status == nameof(MemberStatus.Up)).Select(m => m.Node).ToList();
        var problem = stats is null
            ? "the login shard region did not answer: shards and logins per node unknown"
            : missing.Count > 0 ? $"no sharding statistics from {string.Join(", ", missing)}" : null;
        return new ClusterStatus(NodeName.Of(self), members, problem);
    }

    /// <summary>
    /// The status lines: <c>cluster | 3 members | self 127.0.0.1:2552 | leader 127.0.0.1:2551 | oldest 127.0.0.1:2551</c>, then
    /// one per member: <c>cluster 127.0.0.1:2551 Up leader oldest | shards 10 | logins 2: qg-1, qg-4</c>.
    /// </summary>
    public IReadOnlyList<string> Render()
    {
        var c = CultureInfo.InvariantCulture;
        var head = string.Create(c, $"cluster | {Members.Length} members | self {Self} | leader {Members.FirstOrDefault(m => m.IsLeader)?.Node ?? "none"} | oldest {Members.FirstOrDefault(m => m.IsOldest)?.Node ?? "none"}");
        var lines = new List<string> { Problem is null ? head : $"{head} | {Problem}" };
        foreach (var m in Members)
        {
            var flags = string.Concat(m.IsLeader ? " leader" : string.Empty, m.IsOldest ? " oldest" : string.Empty, m.Reachable ? string.Empty : " UNREACHABLE");
            var roles = m.Roles.IsEmpty ? string.Empty : $" roles {string.Join(",", m.Roles)}";
            var shards = m.Shards is { } s ? string.Create(c, $"shards {s}") : "shards ?";
            var logins = m.Logins is { } n ? string.Create(c, $"logins {n}{(m.LoginNames.IsEmpty ? string.Empty : ": " + string.Join(", ", m.LoginNames))}") : "logins ?";
            lines.Add($"cluster {m.Node} {m.Status}{flags}{roles} | {shards} | {logins}");
        }

        return lines;
    }
}
