using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Audit;
using Engine.Host.Audit;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Xunit.Abstractions;

namespace Engine.Cluster.Tests;

/// <summary>
/// A login handed to another node (its node leaves the cluster gracefully) right after an order was placed, its reply
/// held back by the venue: the session the hand-off ends has nothing left in flight (the drain waits, within its timeout,
/// for what is), the order was accepted before that end, placed once, and the new node finds it working. On the quant
/// gateway the order notification settles the placement within milliseconds even when the reply is late, so this test
/// checks the hand-off's outcome; the drain's wait itself shows in <see cref="ClusterDemoTests"/>, whose final stop hands
/// off logins whose market makers' cancels are still in flight.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HandOffTests(ITestOutputHelper output) : ClusterTestBed(LoginNames)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly string[] LoginNames = [.. Enumerable.Range(1, 6).Select(i => $"qg-{i}")];
    private static readonly Symbol BtcUsdt = new("BTC/USDT");

    [PostgreSqlFact]
    public async Task A_login_handed_off_right_after_a_placement_ends_its_session_with_nothing_in_flight_and_the_order_working_once()
    {
        var ports = Enumerable.Range(0, 3).Select(_ => ClusterNode.FreePort()).ToArray();
        foreach (var port in ports)
        {
            Nodes.Add(await ClusterNode.StartAsync(Dir.File($"node-{port}.conf", ClusterConfigs.Node(port, ports[0], Db!.ConnectionString, Venue.WebSocketUri, LoginNames)), port));
        }

        var placement = await PlacementWaits.AwaitReadyAsync(Nodes, LoginNames, Patience, everyNode: true);

        // The leaving node is not the seed (the oldest, which holds the shard coordinator): this is a hand-off, not a failover.
        var (login, leaving) = placement.First(p => p.Value != Nodes[0]);
        var survivors = Nodes.Where(n => n != leaving).ToList();
        using var control = Venue.CreateControlClient();
        // The placement's reply is held back 3 s (its order notification still comes at once: the book attributes it).
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.DelayReply, Op = "place_order", Count = 1, DelayMs = 3000 });
        var id = new ClientOrderId($"{login.Value}-in-flight");
        Nodes[0].Connections.Tell(new SubmitOrder(login, id, DateTimeOffset.UtcNow, BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.01m, 1000m));
        await AwaitEventAsync(leaving, id, nameof(OrderSubmitted));

        // The node leaves while the venue holds the placement's reply back: sharding hands the login off.
        var clock = Stopwatch.StartNew();
        await leaving.DisposeAsync();
        Nodes.Remove(leaving);
        await PlacementWaits.AwaitReadyAsync(survivors, LoginNames, Patience);
        output.WriteLine($"{login} handed off and Ready on a survivor after {clock.Elapsed.TotalSeconds:F1} s");

        var open = Assert.IsType<OpenOrdersReply>(await survivors[1].Connections.Ask<object>(new QueryOpenOrders(login, BtcUsdt, DateTimeOffset.UtcNow), TimeSpan.FromSeconds(10)));
        Assert.Single(open.Orders, o => o.Price == 1000m);
        var fresh = new ClientOrderId($"{login.Value}-after");
        survivors[1].Connections.Tell(new SubmitOrder(login, fresh, DateTimeOffset.UtcNow, BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.01m, 1001m));
        await AwaitEventAsync(survivors, fresh, nameof(OrderAccepted));

        // The journal: the hand-off's session ended with nothing in flight, the order was submitted once and is working.
        var journal = new JournalOptions { Database = "postgresql", PostgreSql = new PostgreSqlOptions { ConnectionString = Db!.ConnectionString } };
        var report = OrderAudit.Run(await AuditJournalReader.ReadAsync(journal, CancellationToken.None), new AuditFilter(new HashSet<LoginId> { login }));
        Assert.True(report.IsClean, string.Join("\n", report.Violations));
        // (Sessions the login ended earlier, when the coordinator first spread the logins, are hand-offs too.)
        var ended = report.Sessions.Where(s => s.Login == login && s.EndedInOrder).ToList();
        Assert.All(ended, s => Assert.Equal("drained without cancelling", s.How));
        Assert.All(ended, s => Assert.Empty(s.LeftOpen));
        var order = Assert.Single(report.Orders, o => o.Final.ClientOrderId == id);
        Assert.Equal(OrderStatus.Accepted, order.Final.Status);
        Assert.Single(order.Timeline, t => t.Event == nameof(OrderSubmitted));
        var accepted = Assert.Single(order.Timeline, t => t.Event == nameof(OrderAccepted));
        Assert.True(accepted.Timestamp <= ended[^1].End, $"the order was accepted at {accepted.Timestamp:O}, after the hand-off ended the session at {ended[^1].End:O}");

        // The venue: two orders for the login's account, the one placed during the hand-off and the fresh one.
        var truth = await control.GetTruthAsync();
        Assert.Equal(2, truth.Accounts.Single(a => a.AccountId == login.Value).Orders.Count);
    }

    private static Task AwaitEventAsync(ClusterNode node, ClientOrderId id, string name) => AwaitEventAsync([node], id, name);

    /// <summary>Waits until one of <paramref name="nodes"/> heard the order event <paramref name="name"/> of <paramref name="id"/>.</summary>
    private static async Task AwaitEventAsync(IReadOnlyList<ClusterNode> nodes, ClientOrderId id, string name)
    {
        var deadline = Stopwatch.StartNew();
        while (!nodes.Any(n => n.Orders.TryGetValue(id, out var events) && events.Contains(name)))
        {
            Assert.True(deadline.Elapsed < Patience, $"no {name} for {id} after {Patience}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
