using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Monitoring;
using Engine.Host.Api;
using Engine.Host.Cli;

namespace Engine.Cluster.Tests;

/// <summary>
/// The status of a cluster node shows the cluster: every member with its status, the leader and the oldest, and the
/// login shards and logins each node hosts, as Akka's sharding statistics give them; each login's status line names the
/// node its session runs on. Three nodes in this process, one quant gateway simulator, one PostgreSQL journal.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterStatusTests
{
    [PostgreSqlFact]
    public async Task Every_node_reports_the_members_and_the_shards_and_logins_each_one_hosts()
    {
        await using var cluster = await ThreeNodeCluster.CreateAsync(6);
        for (var i = 0; i < 3; i++)
        {
            await cluster.StartNodeAsync(i);
        }

        var placement = await cluster.AwaitPlacementAsync(cluster.Nodes);

        foreach (var node in cluster.Nodes)
        {
            var status = await AwaitCompleteAsync(node, cluster.Nodes.Count);

            Assert.Equal(NodeName.Of(Cluster(node).SelfAddress), status.Self);
            Assert.Equal(cluster.Nodes.Select(n => NodeName.Of(Cluster(n).SelfAddress)).Order(StringComparer.Ordinal), status.Members.Select(m => m.Node).Order(StringComparer.Ordinal));
            Assert.All(status.Members, m => Assert.Equal("Up", m.Status));
            Assert.All(status.Members, m => Assert.True(m.Reachable));
            Assert.Single(status.Members, m => m.IsLeader);
            Assert.Equal(NodeName.Of(Cluster(node).State.Leader!), status.Members.Single(m => m.IsLeader).Node);
            Assert.Single(status.Members, m => m.IsOldest);
            Assert.Equal(cluster.LoginNames.Length, status.Members.Sum(m => m.Logins));
            foreach (var member in status.Members)
            {
                var hosted = placement.Where(p => NodeName.Of(Cluster(p.Value).SelfAddress) == member.Node).Select(p => p.Key.Value).Order(StringComparer.Ordinal);
                Assert.Equal(hosted, member.LoginNames);
                Assert.Equal(member.LoginNames.Length, member.Logins);
                Assert.InRange(member.Shards!.Value, 1, member.LoginNames.Length);
            }

            var lines = status.Render();
            Assert.StartsWith($"cluster | 3 members | self {status.Self} | leader ", lines[0], StringComparison.Ordinal);
            Assert.Equal(4, lines.Count);
            var table = new StringWriter();
            StatusTableWriter.WriteCluster(ApiCluster.Of(status), table);
            foreach (var member in status.Members)
            {
                Assert.Contains(member.Node, table.ToString(), StringComparison.Ordinal);
                Assert.Contains(string.Join(",", member.LoginNames), table.ToString(), StringComparison.Ordinal);
            }
        }

        // Each login's status line names the node its session runs on (from the session's journaled start) on the node
        // that runs it. Other nodes hear it over pub-sub, at most once: a node that joined after the event may not.
        foreach (var (login, host) in placement)
        {
            var name = NodeName.Of(Cluster(host).SelfAddress);
            await AwaitAsync(async () =>
            {
                var lines = (await host.System.ActorSelection("/user/status").Ask<StatusLines>(GetStatusLines.Instance, TimeSpan.FromSeconds(5))).Lines;
                return lines.Any(l => l.StartsWith($"{login} Ready", StringComparison.Ordinal) && l.Contains($" on {name} |", StringComparison.Ordinal))
                    ? null
                    : $"status lines of node {name}: {string.Join(" / ", lines)}";
            });
        }
    }

    private static Akka.Cluster.Cluster Cluster(ClusterNode node) => Akka.Cluster.Cluster.Get(node.System);

    /// <summary>The node's cluster status once every member's region answered (a node just up may not have yet).</summary>
    private static async Task<ClusterStatus> AwaitCompleteAsync(ClusterNode node, int members)
    {
        ClusterStatus? status = null;
        await AwaitAsync(async () =>
        {
            status = await node.System.ActorSelection("/user/cluster-status").Ask<ClusterStatus>(GetClusterStatus.Instance, TimeSpan.FromSeconds(10));
            return status.Problem is null && status.Members.Length == members && status.Members.All(m => m.Status == "Up") ? null : string.Join(" / ", status.Render());
        });
        return status!;
    }

    /// <summary>Polls <paramref name="check"/> (null when satisfied, else what it saw) until it holds or the patience runs out.</summary>
    internal static async Task AwaitAsync(Func<Task<string?>> check)
    {
        var deadline = Stopwatch.StartNew();
        while (await check() is { } seen)
        {
            Assert.True(deadline.Elapsed < ThreeNodeCluster.Patience, $"not after {ThreeNodeCluster.Patience}: {seen}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
