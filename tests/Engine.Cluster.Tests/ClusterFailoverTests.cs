using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Cluster;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Xunit.Abstractions;

namespace Engine.Cluster.Tests;

/// <summary>
/// Three engine nodes in this process (each <c>engine run</c>'s runtime on its own loopback port), one quant gateway
/// simulator, one PostgreSQL journal: logins are sharded entities placed once in the cluster, reachable from every node,
/// and a killed node's logins start again on the others, recover their books and become Ready.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output) : ClusterTestBed(LoginNames)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly string[] LoginNames = [.. Enumerable.Range(1, 6).Select(i => $"qg-{i}")];

    private static IEnumerable<LoginId> Logins => LoginNames.Select(l => new LoginId(l));

    [PostgreSqlFact]
    public async Task Each_login_runs_once_in_the_cluster_moves_to_nodes_that_join_and_answers_from_every_node()
    {
        await StartClusterAsync();

        var placement = await PlacementWaits.AwaitReadyAsync(Nodes, LoginNames, Patience, everyNode: true);

        Assert.Equal(LoginNames.Order(StringComparer.Ordinal), placement.Keys.Select(l => l.Value).Order(StringComparer.Ordinal));
        foreach (var node in Nodes)
        {
            foreach (var login in Logins)
            {
                var reply = await node.Connections.Ask<object>(new QueryBalances(login, DateTimeOffset.UtcNow), TimeSpan.FromSeconds(10));
                var balances = Assert.IsType<BalancesReply>(reply);
                Assert.Equal(login, balances.Login);
                Assert.NotEmpty(balances.Balances);
            }
        }

        // A relay that starts (or restarts) after its node's logins started learns them from the entities themselves.
        foreach (var node in Nodes)
        {
            var late = node.System.ActorOf(LoginEventRelay.Props([]), "late-login-events");
            var expected = placement.Count(p => p.Value == node);
            IReadOnlyList<LoginId> heard = [];
            await ClusterStatusTests.AwaitAsync(async () =>
            {
                heard = (await late.Ask<HostedLogins>(GetHostedLogins.Instance, TimeSpan.FromSeconds(5))).Logins;
                return heard.Count >= expected ? null : $"the late relay on node {node.Port} lists [{string.Join(", ", heard)}], {expected} run there";
            });
            Assert.Equal(await node.HostedAsync(), heard);
            Assert.Equal(await node.RegionEntitiesAsync(), heard.Select(l => l.Value));
        }
    }

    [PostgreSqlFact]
    public async Task A_killed_nodes_logins_start_on_the_others_and_trade_again()
    {
        await StartClusterAsync();
        var placement = await PlacementWaits.AwaitReadyAsync(Nodes, LoginNames, Patience, everyNode: true);
        var victim = Nodes.OrderByDescending(n => placement.Values.Count(p => p == n)).First();
        var moved = placement.Where(p => p.Value == victim).Select(p => p.Key).ToList();
        Assert.NotEmpty(moved);
        var survivors = Nodes.Where(n => n != victim).ToList();
        var resting = new Dictionary<LoginId, ClientOrderId>();
        foreach (var login in moved)
        {
            // A resting order placed through another node: journaled by the victim's book before it left the process.
            var id = new ClientOrderId($"{login.Value}-before");
            await SubmitAsync(survivors[0], Buy(login, id, 1000m));
            await AwaitAcceptedAsync(Nodes, id);
            resting[login] = id;
        }

        var clock = Stopwatch.StartNew();
        await victim.CrashAsync();
        var after = await PlacementWaits.AwaitReadyAsync(survivors, LoginNames, Patience, everyNode: true);
        output.WriteLine($"{moved.Count} login(s) of the killed node Ready elsewhere after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(LoginNames.Length, after.Count);
        foreach (var login in moved)
        {
            // Placed once before the crash, recovered from the journal, still open at the venue: not lost, not doubled.
            var open = Assert.IsType<OpenOrdersReply>(await survivors[1].Connections.Ask<object>(new QueryOpenOrders(login, new Symbol("BTC/USDT"), DateTimeOffset.UtcNow), TimeSpan.FromSeconds(10)));
            Assert.Single(open.Orders, o => o.Price == 1000m);
            var fresh = new ClientOrderId($"{login.Value}-after");
            await SubmitAsync(survivors[1], Buy(login, fresh, 1001m));
            await AwaitAcceptedAsync(survivors, fresh);
        }

        // Every node follows every login (the watcher strategy trades them all): each event was heard once on each node,
        // from the book where the login ran, relayed over pub-sub elsewhere, before and after the move.
        foreach (var login in moved)
        {
            foreach (var node in survivors)
            {
                Assert.Equal(1, Accepted(node, resting[login]));
                Assert.Equal(1, Accepted(node, new ClientOrderId($"{login.Value}-after")));
            }
        }
    }

    private static int Accepted(ClusterNode node, ClientOrderId id) =>
        node.Orders.TryGetValue(id, out var events) ? events.Count(e => e == nameof(OrderAccepted)) : 0;

    /// <summary>Submits through <paramref name="node"/>; an answer to the sender is a local refusal (the acceptance goes to the event stream).</summary>
    private static async Task SubmitAsync(ClusterNode node, SubmitOrder order)
    {
        try
        {
            var refusal = await node.Connections.Ask<object>(order, TimeSpan.FromSeconds(2));
            Assert.Fail($"{order.ClientOrderId} refused: {refusal}");
        }
        catch (AskTimeoutException)
        {
        }
    }

    /// <summary>Waits until every one of <paramref name="nodes"/> heard the venue's acceptance of <paramref name="id"/> on its event stream.</summary>
    private static async Task AwaitAcceptedAsync(IReadOnlyList<ClusterNode> nodes, ClientOrderId id)
    {
        var deadline = Stopwatch.StartNew();
        while (!nodes.All(n => Accepted(n, id) > 0))
        {
            Assert.True(deadline.Elapsed < Patience, $"{id} not accepted after {Patience}: {string.Join("; ", nodes.Select(n => string.Join(",", n.Orders.GetValueOrDefault(id) ?? [])))}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static SubmitOrder Buy(LoginId login, ClientOrderId id, decimal price) =>
        new(login, id, DateTimeOffset.UtcNow, new Symbol("BTC/USDT"), OrderSide.Buy, OrderType.Limit, 0.01m, price);

    private async Task StartClusterAsync()
    {
        var pg = Db!.ConnectionString;
        var ports = Enumerable.Range(0, 3).Select(_ => ClusterNode.FreePort()).ToArray();
        foreach (var port in ports)
        {
            var config = Dir.File($"node-{port}.conf", ClusterConfigs.Node(port, ports[0], pg, Venue.WebSocketUri, LoginNames, ClusterConfigs.Watcher(LoginNames)));
            Nodes.Add(await ClusterNode.StartAsync(config, port));
        }
    }
}
