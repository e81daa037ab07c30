using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Risk;
using Engine.Host.Cluster;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Engine.Cluster.Tests;

/// <summary>
/// The risk engine of a cluster is one singleton: three engine nodes in this process on one PostgreSQL journal, logins
/// spread over all three, no strategy (so no node's relay follows any login and the singleton hears the other nodes'
/// logins only through its own pub-sub subscriptions). Exactly one risk actor runs and writes <c>risk</c>; it hears
/// every login's orders; a halt issued on one node refuses orders in books on every node; when the singleton's node
/// leaves or crashes, another node's risk actor takes over from the journal and the remaining books get its snapshots.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RiskSingletonTests(ITestOutputHelper output) : ClusterTestBed(LoginNames)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly string[] LoginNames = [.. Enumerable.Range(1, 6).Select(i => $"rk-{i}")];
    private readonly List<ClusterNode> _crashed = [];
    private readonly Dictionary<ClusterNode, ConcurrentQueue<TradingStateChanged>> _states = [];

    private static IEnumerable<LoginId> Logins => LoginNames.Select(l => new LoginId(l));

    public override async Task DisposeAsync()
    {
        await Task.WhenAll(_crashed.Select(n => n.DisposeAsync().AsTask()));
        await base.DisposeAsync();
    }

    [PostgreSqlFact]
    public Task One_risk_actor_serves_the_cluster_halts_books_on_every_node_and_moves_when_its_node_leaves() => RunAsync(crash: false);

    [PostgreSqlFact]
    public Task The_risk_singleton_starts_again_from_the_journal_when_its_node_crashes() => RunAsync(crash: true);

    /// <summary>
    /// The scenario; the singleton's node leaves the cluster (hand-over: the old risk actor stops first) or, with
    /// <paramref name="crash"/>, dies (the survivors' split-brain resolver downs it, then the oldest survivor starts one).
    /// </summary>
    private async Task RunAsync(bool crash)
    {
        var pg = Db!.ConnectionString;
        var ports = Enumerable.Range(0, 3).Select(_ => ClusterNode.FreePort()).ToArray();
        foreach (var port in ports)
        {
            var config = Dir.File($"node-{port}.conf", ClusterConfigs.Node(port, ports[0], pg, Venue.WebSocketUri, LoginNames));
            var node = await ClusterNode.StartAsync(config, port);
            Nodes.Add(node);
            var heard = _states[node] = new ConcurrentQueue<TradingStateChanged>();
            node.System.ActorOf(Props.Create(() => new RiskSingletonStateWatcher(heard)), "test-risk-state-watcher");
        }

        var placement = await PlacementWaits.AwaitReadyAsync(Nodes, LoginNames, Patience, everyNode: true);
        var singletonNode = Assert.Single(await SingletonNodesAsync(Nodes));
        var others = Nodes.Where(n => n != singletonNode).ToList();

        // Every login's orders reach the one ledger: those hosted on the singleton's node from its event stream, the
        // others from their pub-sub topics (no relay follows them here).
        foreach (var login in Logins)
        {
            await AwaitAcceptedAsync(others[0], login, "resting");
        }

        await AwaitAsync(
            async () => (await StatusAsync(others[1])).RejectStreaks.Keys.Order(StringComparer.Ordinal).SequenceEqual(LoginNames.Order(StringComparer.Ordinal)),
            "the risk ledger has the working orders of every login");

        // A halt issued on one node, journaled once, refuses an order in every book, wherever its login runs.
        var halted = await SetEngineStateAsync(others[1], TradingState.Halted);
        Assert.Equal(TradingState.Halted, halted.To);
        foreach (var login in Logins)
        {
            var refused = await AwaitRefusedAsync(others[0], login, "halted");
            Assert.Equal(RiskRules.Halted, refused.Breach?.Rule);
        }

        Assert.Contains(placement, p => p.Value != others[0]);

        // Every node's event stream (metrics) hears the change once: the singleton's from the risk actor, the others' from
        // their client.
        await AwaitAsync(() => Task.FromResult(_states.Values.All(h => !h.IsEmpty)), "every node heard the halt");
        Assert.All(_states.Values, h => Assert.Equal(TradingState.Halted, Assert.Single(h).To));
        Assert.Equal(new[] { (1L, 1) }, await RiskJournalAsync(pg));

        // The singleton's node leaves: another node's risk actor takes over, recovers "halted" from the journal (its first
        // write is sequence number 2, no conflict) and every book, moved or not, hears its snapshots.
        Nodes.Remove(singletonNode);
        var clock = Stopwatch.StartNew();
        if (crash)
        {
            _crashed.Add(singletonNode);
            await singletonNode.CrashAsync();
        }
        else
        {
            await singletonNode.DisposeAsync();
        }
        await PlacementWaits.AwaitReadyAsync(Nodes, LoginNames, Patience, everyNode: true);
        Assert.Single(await SingletonNodesAsync(Nodes));
        foreach (var login in Logins)
        {
            var refused = await AwaitRefusedAsync(Nodes[0], login, "still-halted");
            Assert.Equal(RiskRules.Halted, refused.Breach?.Rule);
        }

        var resumed = await SetEngineStateAsync(Nodes[1], TradingState.Active);
        Assert.Equal(TradingState.Halted, resumed.From);
        foreach (var login in Logins)
        {
            await AwaitAcceptedAsync(Nodes[0], login, "resumed");
        }

        output.WriteLine($"{(crash ? "crash" : "leave")}: every book trading again on the new singleton's snapshots after {clock.Elapsed.TotalSeconds:F1} s");
        var journal = await RiskJournalAsync(pg);
        Assert.Equal([1L, 2L], journal.Select(j => j.Sequence));
    }

    /// <summary>The nodes where the risk actor itself (the singleton's child) runs.</summary>
    private static async Task<List<ClusterNode>> SingletonNodesAsync(IEnumerable<ClusterNode> nodes)
    {
        var found = new List<ClusterNode>();
        foreach (var node in nodes)
        {
            var identity = await node.System.ActorSelection($"{RiskSingleton.ManagerPath}/singleton/{RiskActor.Name}")
                .Ask<ActorIdentity>(new Identify(node.Port), TimeSpan.FromSeconds(5));
            if (identity.Subject is not null)
            {
                found.Add(node);
            }
        }

        return found;
    }

    private static Task<RiskStatus> StatusAsync(ClusterNode node) =>
        node.System.ActorSelection(RiskActor.Path).Ask<RiskStatus>(GetRiskStatus.Instance, TimeSpan.FromSeconds(20));

    private static async Task<TradingStateChanged> SetEngineStateAsync(ClusterNode node, TradingState state)
    {
        var reply = await node.System.ActorSelection(RiskActor.Path)
            .Ask<object>(new SetTradingState(RiskScope.Engine, state, DateTimeOffset.UtcNow, "test", $"risk singleton test: {state}", CancelWorkingOrders: false), Patience);
        return Assert.IsType<TradingStateChanged>(reply);
    }

    /// <summary>(sequence number, distinct writers so far) of persistence id <c>risk</c> in the shared journal.</summary>
    private static async Task<List<(long Sequence, int Writers)>> RiskJournalAsync(string pg)
    {
        await using var connection = new NpgsqlConnection(pg);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT sequence_nr, (SELECT count(DISTINCT writer) FROM journal WHERE persistence_id = 'risk')::int FROM journal WHERE persistence_id = 'risk' ORDER BY sequence_nr",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt32(1)));
        }

        return rows;
    }

    /// <summary>
    /// Submits fresh orders on <paramref name="login"/> through <paramref name="via"/> until one is refused by the book (the
    /// refusal is the answer to the sender). An order accepted meanwhile means the book had not heard the change yet
    /// (snapshots travel on their own connection): the next one is sent.
    /// </summary>
    private async Task<OrderRejected> AwaitRefusedAsync(ClusterNode via, LoginId login, string tag)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var id = new ClientOrderId($"{login.Value}-{tag}-{attempt}");
            var answer = via.Connections.Ask<object>(Buy(login, id), Patience);
            while (!answer.IsCompleted && !Accepted(id))
            {
                Assert.True(deadline.Elapsed < Patience, $"{id}: neither refused nor accepted after {Patience}");
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }

            if (answer.IsCompleted)
            {
                return Assert.IsType<OrderRejected>(await answer);
            }

            _ = answer.ContinueWith(t => t.Exception, TaskScheduler.Default);
            Assert.True(deadline.Elapsed < Patience, $"orders on {login} still accepted after {Patience}");
        }
    }

    /// <summary>Submits fresh orders on <paramref name="login"/> until one is accepted by the venue; refusals are retried.</summary>
    private async Task AwaitAcceptedAsync(ClusterNode via, LoginId login, string tag)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var id = new ClientOrderId($"{login.Value}-{tag}-{attempt}");
            var answer = via.Connections.Ask<object>(Buy(login, id), Patience);
            while (!answer.IsCompleted && !Accepted(id))
            {
                Assert.True(deadline.Elapsed < Patience, $"{id}: neither refused nor accepted after {Patience}");
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }

            if (Accepted(id))
            {
                _ = answer.ContinueWith(t => t.Exception, TaskScheduler.Default);
                return;
            }

            Assert.True(deadline.Elapsed < Patience, $"orders on {login} still refused after {Patience}: {await answer}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Whether the venue's acceptance of <paramref name="id"/> was published on any node (the one of its book).</summary>
    private bool Accepted(ClientOrderId id) => Nodes.Any(n => n.Orders.TryGetValue(id, out var events) && events.Contains(nameof(OrderAccepted)));

    private static SubmitOrder Buy(LoginId login, ClientOrderId id) =>
        new(login, id, DateTimeOffset.UtcNow, new Symbol("BTC/USDT"), OrderSide.Buy, OrderType.Limit, 0.01m, 1000m);

    private static async Task AwaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < Patience, $"not true after {Patience}: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until every login runs on exactly one of <paramref name="nodes"/>, Ready, and every node runs at least one.</summary>
}
