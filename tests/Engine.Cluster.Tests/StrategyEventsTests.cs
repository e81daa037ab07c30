using System.Collections.Concurrent;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Cluster.Tests;

/// <summary>
/// Strategy events arrive exactly once after a move: logins move from the first node to two nodes that join, and every
/// node (each runs a strategy following every login) hears each order event of every login once: straight from the book
/// where the login runs, over distributed pub-sub elsewhere, never both, never twice, before and after the move. Checked
/// once the nodes' pub-sub registries know each other's subscriptions: until then pub-sub may drop an event for a node that
/// just joined (at most once), which a strategy there makes up for by re-reading the login, as after any restart.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StrategyEventsTests
{
    [PostgreSqlFact]
    public async Task After_a_move_every_node_hears_each_event_of_a_login_exactly_once()
    {
        await using var cluster = await ThreeNodeCluster.CreateAsync(6, "akka.cluster.sharding.rebalance-interval = 2s");
        var heard = new Dictionary<ClusterNode, ConcurrentQueue<ILoginEvent>>();
        var first = await cluster.StartNodeAsync(0);
        heard[first] = Follow(first);
        await cluster.AwaitPlacementAsync([first], everyNode: false);
        for (var i = 1; i < 3; i++)
        {
            var node = await cluster.StartNodeAsync(i);
            heard[node] = Follow(node);
        }

        var placement = await cluster.AwaitPlacementAsync(cluster.Nodes);
        await ThreeNodeCluster.AwaitPubSubAsync(cluster.Nodes);
        var moved = placement.Where(p => p.Value != first).Select(p => p.Key).ToList();
        Assert.NotEmpty(moved);

        foreach (var login in moved)
        {
            // From a node other than the login's own: the command crosses the region, the events come back over pub-sub.
            var via = cluster.Nodes.First(n => n != placement[login]);
            var order = new ClientOrderId($"{login.Value}-moved");
            await ThreeNodeCluster.SubmitAsync(via, ThreeNodeCluster.Buy(login, order, 1000m));
            await ThreeNodeCluster.AwaitAcceptedAsync(cluster.Nodes, order);

            // A later order of the same login on the same topic: once every node heard it, a duplicate of the first would have come before it.
            var sentinel = new ClientOrderId($"{login.Value}-sentinel");
            await ThreeNodeCluster.SubmitAsync(via, ThreeNodeCluster.Buy(login, sentinel, 999m));
            await ThreeNodeCluster.AwaitAcceptedAsync(cluster.Nodes, sentinel);
        }

        foreach (var (node, events) in heard)
        {
            foreach (var login in moved)
            {
                var order = new ClientOrderId($"{login.Value}-moved");
                Assert.Equal(1, events.OfType<OrderAccepted>().Count(e => e.ClientOrderId == order));
                Assert.Equal(1, events.OfType<OrderSubmitted>().Count(e => e.ClientOrderId == order));
            }

            // No event of any login, the moves' session ends and starts included, was heard twice on this node.
            var twice = events.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
            Assert.True(twice.Count == 0, $"node {node.Port} heard twice: {string.Join("; ", twice)}");
        }
    }

    private static ConcurrentQueue<ILoginEvent> Follow(ClusterNode node)
    {
        var heard = new ConcurrentQueue<ILoginEvent>();
        node.System.ActorOf(Akka.Actor.Props.Create(() => new StrategyEventsWatcher(heard)), "test-strategy-events");
        return heard;
    }
}
