using System.Diagnostics;
using Akka.Actor;
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
public sealed class ClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly string[] LoginNames = [.. Enumerable.Range(1, 6).Select(i => $"qg-{i}")];
    private readonly List<ClusterNode> _nodes = [];
    private readonly TempDir _dir = new();
    private SimulatorHost _venue = null!;
    private PostgreSqlScratchDatabase? _db;

    private static IEnumerable<LoginId> Logins => LoginNames.Select(l => new LoginId(l));

    public async Task InitializeAsync()
    {
        // One account per login: the quant gateway refuses a second session of one key ("Do not log in repeat").
        _venue = await SimulatorHost.StartAsync("quant-gateway", new SimulatorOptions
        {
            Accounts = [.. LoginNames.Select(l => new AccountOptions
            {
                Id = l,
                ApiKey = $"{l}-key",
                Secret = $"{l}-secret",
                SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m },
            })],
        });
        if (PostgreSqlFactAttribute.ConnectionString is { } server)
        {
            _db = await PostgreSqlScratchDatabase.CreateAsync(server);
        }
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.DisposeAsync().AsTask()));

        await _venue.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    public void Dispose() => _dir.Dispose();

    [PostgreSqlFact]
    public async Task Each_login_runs_once_in_the_cluster_moves_to_nodes_that_join_and_answers_from_every_node()
    {
        await StartClusterAsync();

        var placement = await AwaitPlacementAsync(_nodes);

        Assert.Equal(LoginNames.Order(StringComparer.Ordinal), placement.Keys.Select(l => l.Value).Order(StringComparer.Ordinal));
        foreach (var node in _nodes)
        {
            foreach (var login in Logins)
            {
                var reply = await node.Connections.Ask<object>(new QueryBalances(login, DateTimeOffset.UtcNow), TimeSpan.FromSeconds(10));
                var balances = Assert.IsType<BalancesReply>(reply);
                Assert.Equal(login, balances.Login);
                Assert.NotEmpty(balances.Balances);
            }
        }
    }

    [PostgreSqlFact]
    public async Task A_killed_nodes_logins_start_on_the_others_and_trade_again()
    {
        await StartClusterAsync();
        var placement = await AwaitPlacementAsync(_nodes);
        var victim = _nodes.OrderByDescending(n => placement.Values.Count(p => p == n)).First();
        var moved = placement.Where(p => p.Value == victim).Select(p => p.Key).ToList();
        Assert.NotEmpty(moved);
        var survivors = _nodes.Where(n => n != victim).ToList();
        var resting = new Dictionary<LoginId, ClientOrderId>();
        foreach (var login in moved)
        {
            // A resting order placed through another node: journaled by the victim's book before it left the process.
            var id = new ClientOrderId($"{login.Value}-before");
            await SubmitAsync(survivors[0], Buy(login, id, 1000m));
            await AwaitAcceptedAsync(_nodes, id);
            resting[login] = id;
        }

        var clock = Stopwatch.StartNew();
        await victim.CrashAsync();
        var after = await AwaitPlacementAsync(survivors);
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
        var pg = _db!.ConnectionString;
        var ports = Enumerable.Range(0, 3).Select(_ => ClusterNode.FreePort()).ToArray();
        foreach (var port in ports)
        {
            var config = _dir.File($"node-{port}.conf", ClusterConfigs.Node(port, ports[0], pg, _venue.WebSocketUri, LoginNames, ClusterConfigs.Watcher(LoginNames)));
            _nodes.Add(await ClusterNode.StartAsync(config, port));
        }
    }

    /// <summary>
    /// Waits until every login runs on exactly one of <paramref name="nodes"/> with its connection Ready there, and every node
    /// runs at least one: the first node starts them all, the shard coordinator moves some to each node that joins.
    /// </summary>
    private static async Task<Dictionary<LoginId, ClusterNode>> AwaitPlacementAsync(IReadOnlyList<ClusterNode> nodes)
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

            Assert.All(placement, p => Assert.Single(p.Value));
            if (placement.Count == LoginNames.Length && nodes.All(n => placement.Values.Any(on => on[0] == n)))
            {
                return placement.ToDictionary(p => p.Key, p => p.Value[0]);
            }

            if (deadline.Elapsed > Patience)
            {
                var seen = new List<string>();
                foreach (var node in nodes)
                {
                    seen.Add($"node {node.Port}: hosts [{string.Join(", ", await node.HostedAsync())}], states [{string.Join(", ", node.States.Select(s => $"{s.Key}={s.Value}"))}]");
                }

                Assert.Fail($"after {Patience}: {placement.Count} of {LoginNames.Length} logins placed and Ready; {string.Join("; ", seen)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
