using System.Diagnostics;
using Engine.Messages.Identifiers;

namespace Engine.Cluster.Tests;

/// <summary>The wait every multi-node test starts with and ends a move with: until every login runs once, Ready, on the given nodes.</summary>
internal static class PlacementWaits
{
    /// <summary>
    /// Waits until each of <paramref name="logins"/> runs on exactly one of <paramref name="nodes"/> with its connection
    /// Ready there (never Ready on two: asserted on every look), and with <paramref name="everyNode"/> until every node runs
    /// one at least (the first node starts them all, the coordinator moves some to each node that joins); returns where
    /// each runs. Fails after <paramref name="patience"/> naming what each node hosts and the state of each connection it saw.
    /// </summary>
    public static async Task<Dictionary<LoginId, ClusterNode>> AwaitReadyAsync(
        IReadOnlyList<ClusterNode> nodes, IReadOnlyCollection<string> logins, TimeSpan patience, bool everyNode = false)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var placement = new Dictionary<LoginId, List<ClusterNode>>();
            foreach (var node in nodes)
            {
                foreach (var login in await node.HostedAsync())
                {
                    if (await node.ReadyHereAsync(login))
                    {
                        (placement.TryGetValue(login, out var on) ? on : placement[login] = []).Add(node);
                    }
                }
            }

            Assert.All(placement, p => Assert.True(p.Value.Count == 1, $"{p.Key} is Ready on {p.Value.Count} nodes: {string.Join(", ", p.Value.Select(n => n.Port))}"));
            if (placement.Count == logins.Count && (!everyNode || nodes.All(n => placement.Values.Any(on => on[0] == n))))
            {
                return placement.ToDictionary(p => p.Key, p => p.Value[0]);
            }

            if (deadline.Elapsed > patience)
            {
                var seen = new List<string>();
                foreach (var node in nodes)
                {
                    seen.Add($"node {node.Port}: hosts [{string.Join(", ", await node.HostedAsync())}], region runs [{string.Join(", ", await node.RegionEntitiesAsync())}], states [{string.Join(", ", node.States.Select(s => $"{s.Key}={s.Value}"))}]");
                }

                Assert.Fail($"after {patience}: {placement.Count} of {logins.Count} logins placed and Ready; {string.Join("; ", seen)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
