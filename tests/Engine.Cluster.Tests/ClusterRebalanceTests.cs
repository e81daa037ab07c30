using Akka.Actor;
using Engine.Actors.Audit;
using Engine.Actors.Monitoring;
using Engine.Host.Audit;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;

namespace Engine.Cluster.Tests;

/// <summary>
/// Rebalancing: every login starts on the first node; two nodes join and the shard coordinator moves logins to them
/// (each hand-off drains the connection without cancelling, journals the end of the session, and the login starts again on
/// its new node, recovering its book). No order is lost or doubled: the orders placed before and after the move are each
/// journaled once and each at the venue once, the journal and the venue hold the same orders, no client order id twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRebalanceTests
{
    /// <summary>The watcher strategy quotes on the first login: its orders come and go all the time, so it is checked by id only.</summary>
    private const string Quoting = "qg-1";

    [PostgreSqlFact]
    public async Task Logins_move_to_nodes_that_join_and_no_order_is_lost_or_doubled()
    {
        await using var cluster = await ThreeNodeCluster.CreateAsync(6, "akka.cluster.sharding.rebalance-interval = 2s");
        var first = await cluster.StartNodeAsync(0);
        await cluster.AwaitPlacementAsync([first], everyNode: false);
        foreach (var login in cluster.Logins)
        {
            var id = new ClientOrderId($"{login.Value}-before");
            await ThreeNodeCluster.SubmitAsync(first, ThreeNodeCluster.Buy(login, id, 1000m));
            await ThreeNodeCluster.AwaitAcceptedAsync([first], id);
        }

        await cluster.StartNodeAsync(1);
        await cluster.StartNodeAsync(2);
        var placement = await cluster.AwaitPlacementAsync(cluster.Nodes);
        var moved = placement.Where(p => p.Value != first).Select(p => p.Key).ToList();
        Assert.NotEmpty(moved);

        foreach (var login in cluster.Logins)
        {
            // Through the first node: the region forwards to wherever the login runs now.
            var id = new ClientOrderId($"{login.Value}-after");
            await ThreeNodeCluster.SubmitAsync(first, ThreeNodeCluster.Buy(login, id, 1001m));
            await ThreeNodeCluster.AwaitAcceptedAsync([placement[login]], id);
            var open = Assert.IsType<OpenOrdersReply>(await first.Connections.Ask<object>(new QueryOpenOrders(login, new Symbol("BTC/USDT"), DateTimeOffset.UtcNow), TimeSpan.FromSeconds(10)));
            Assert.Single(open.Orders, o => o.Price == 1000m);
            Assert.Single(open.Orders, o => o.Price == 1001m);
        }

        var journal = await ReadJournalAsync(cluster);
        var truth = await cluster.Venue.CreateControlClient().GetTruthAsync();
        foreach (var login in cluster.Logins)
        {
            var events = journal.Where(e => e.Event is IOrderEvent o && o.Login == login).Select(e => (IOrderEvent)e.Event).ToList();
            var submitted = events.OfType<OrderSubmitted>().Select(s => s.ClientOrderId.Value).ToList();
            Assert.Equal(submitted.Distinct(StringComparer.Ordinal).Count(), submitted.Count);
            Assert.Contains($"{login.Value}-before", submitted);
            Assert.Contains($"{login.Value}-after", submitted);
            var venueIds = events.OfType<OrderAccepted>().GroupBy(a => a.ClientOrderId).ToDictionary(g => g.Key, g => g.Select(a => a.VenueOrderId).Distinct().Single());
            var atVenue = truth.Accounts.Single(a => a.AccountId == login.Value).Orders.Select(o => o.OrderId).ToList();
            Assert.Equal(atVenue.Distinct(StringComparer.Ordinal).Count(), atVenue.Count);
            foreach (var tag in new[] { "before", "after" })
            {
                Assert.Single(atVenue, id => id == venueIds[new ClientOrderId($"{login.Value}-{tag}")].Value);
            }

            if (login.Value != Quoting)
            {
                // Nothing else traded here: the venue holds exactly the journaled orders, and the engine saw nothing it did not place.
                Assert.Equal(venueIds.Values.Select(v => v.Value).Order(StringComparer.Ordinal), atVenue.Order(StringComparer.Ordinal));
                Assert.DoesNotContain(events, e => e is ExternalOrderReported);
            }
        }

        // Each moved login: a session on the first node that ended in order (the hand-off), then one on its new node.
        var audit = OrderAudit.Run(journal, AuditFilter.All);
        var firstName = NodeName.Of(Akka.Cluster.Cluster.Get(first.System).SelfAddress);
        foreach (var login in moved)
        {
            var sessions = audit.Sessions.Where(s => s.Login == login).ToList();
            Assert.True(sessions.Count >= 2, $"{login}: {string.Join("; ", sessions)}");
            Assert.Contains(sessions, s => s.Node == firstName && s.EndedInOrder);
            Assert.Equal(NodeName.Of(Akka.Cluster.Cluster.Get(placement[login].System).SelfAddress), sessions[^1].Node);
        }
    }

    internal static Task<IReadOnlyList<AuditedEvent>> ReadJournalAsync(ThreeNodeCluster cluster) =>
        AuditJournalReader.ReadAsync(
            new JournalOptions { Plugin = "engine", Database = "postgresql", PostgreSql = new PostgreSqlOptions { ConnectionString = cluster.Db.ConnectionString } },
            CancellationToken.None);
}
