using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;

namespace Engine.Cluster.Tests;

/// <summary>
/// The bed of the multi-node tests (status, rebalancing, partition, strategy events): one quant gateway simulator with an
/// account per login, a scratch PostgreSQL database, and engine nodes (<see cref="ClusterNode"/>) started on demand on
/// loopback, the first one as seed. Waits poll with a deadline, never sleep for a fixed time.
/// </summary>
internal sealed class ThreeNodeCluster : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly TempDir _dir = new();
    private readonly int[] _ports = [.. Enumerable.Range(0, 3).Select(_ => ClusterNode.FreePort())];

    private ThreeNodeCluster(string[] logins, SimulatorHost venue, PostgreSqlScratchDatabase db, string akkaExtra)
    {
        LoginNames = logins;
        Venue = venue;
        Db = db;
        AkkaExtra = akkaExtra;
    }

    public string[] LoginNames { get; }

    public IEnumerable<LoginId> Logins => LoginNames.Select(l => new LoginId(l));

    public SimulatorHost Venue { get; }

    public PostgreSqlScratchDatabase Db { get; }

    /// <summary>HOCON appended at the top level of every node's file (after the engine section).</summary>
    public string AkkaExtra { get; }

    /// <summary>The protocol of the nodes' addresses (<c>akka.tcp</c>, or <c>akka.trttl.tcp</c> with the throttler adapter).</summary>
    public string Protocol { get; init; } = "akka.tcp";

    public List<ClusterNode> Nodes { get; } = [];

    /// <summary>A venue and a scratch database for <paramref name="logins"/> logins named <c>qg-1</c>..; nodes start with <see cref="StartNodeAsync"/>.</summary>
    public static async Task<ThreeNodeCluster> CreateAsync(int logins, string akkaExtra = "", string protocol = "akka.tcp")
    {
        string[] names = [.. Enumerable.Range(1, logins).Select(i => $"qg-{i}")];

        var venue = await ClusterTestBed.StartVenueAsync(names);
        var db = await PostgreSqlScratchDatabase.CreateAsync(PostgreSqlFactAttribute.ConnectionString!);
        return new ThreeNodeCluster(names, venue, db, akkaExtra) { Protocol = protocol };
    }

    /// <summary>Starts node <paramref name="index"/> (0..2; node 0 is the seed) with the watcher strategy trading every login.</summary>
    public async Task<ClusterNode> StartNodeAsync(int index)
    {
        var port = _ports[index];
        var text = ClusterConfigs.Node(port, _ports[0], Db.ConnectionString, Venue.WebSocketUri, LoginNames, ClusterConfigs.Watcher(LoginNames))
            .Replace("akka.tcp://", Protocol + "://", StringComparison.Ordinal) + "\n" + AkkaExtra;
        var node = await ClusterNode.StartAsync(_dir.File($"node-{port}.conf", text), port);
        Nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask()));
        await Venue.DisposeAsync();
        await Db.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>
    /// Waits until every login runs on exactly one of <paramref name="nodes"/> with its connection Ready there and, when
    /// <paramref name="everyNode"/>, every node runs at least one. Fails at once if a login is Ready on two nodes.
    /// </summary>
    public Task<Dictionary<LoginId, ClusterNode>> AwaitPlacementAsync(IReadOnlyList<ClusterNode> nodes, bool everyNode = true) =>
        PlacementWaits.AwaitReadyAsync(nodes, LoginNames, Patience, everyNode);

    /// <summary>
    /// Waits until the distributed pub-sub registries of <paramref name="nodes"/> know each other's subscriptions. Pub-sub
    /// gossips its registry (every second): an event published on a node that has not yet heard of another node's
    /// subscription does not reach that node (at most once, by design). Each node subscribes a probe to a test topic after
    /// its relay subscribed to the login topics, and the nodes publish to it until every probe heard every node: a node's
    /// registry then holds that node's later subscription, so its earlier ones too (a node's entries travel together).
    /// </summary>
    public static async Task AwaitPubSubAsync(IReadOnlyList<ClusterNode> nodes)
    {
        const string Topic = "test-pubsub-probe";
        var heard = new ConcurrentDictionary<(int From, int To), byte>();
        foreach (var node in nodes)
        {
            var port = node.Port;
            var probe = node.System.ActorOf(Props.Create(() => new PubSubProbe(port, heard)), $"test-pubsub-probe-{Guid.NewGuid():N}");
            await DistributedPubSub.Get(node.System).Mediator.Ask<SubscribeAck>(new Subscribe(Topic, probe), TimeSpan.FromSeconds(5));
        }

        var deadline = Stopwatch.StartNew();
        while (nodes.Any(a => nodes.Any(b => !heard.ContainsKey((a.Port, b.Port)))))
        {
            Assert.True(deadline.Elapsed < Patience, $"pub-sub not converged after {Patience}: heard {string.Join(", ", heard.Keys)}");
            foreach (var node in nodes)
            {
                DistributedPubSub.Get(node.System).Mediator.Tell(new Publish(Topic, new PubSubPing(node.Port)));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Submits through <paramref name="node"/>; an answer to the sender is a local refusal (the acceptance goes to the event stream).</summary>
    public static async Task SubmitAsync(ClusterNode node, SubmitOrder order)
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

    /// <summary>How many times <paramref name="node"/> heard the acceptance of <paramref name="id"/>.</summary>
    public static int Accepted(ClusterNode node, ClientOrderId id) =>
        node.Orders.TryGetValue(id, out var events) ? events.Count(e => e == nameof(OrderAccepted)) : 0;

    /// <summary>Waits until every one of <paramref name="nodes"/> heard the venue's acceptance of <paramref name="id"/>.</summary>
    public static async Task AwaitAcceptedAsync(IReadOnlyList<ClusterNode> nodes, ClientOrderId id)
    {
        var deadline = Stopwatch.StartNew();
        while (!nodes.All(n => Accepted(n, id) > 0))
        {
            Assert.True(deadline.Elapsed < Patience, $"{id} not accepted after {Patience}: {string.Join("; ", nodes.Select(n => string.Join(",", n.Orders.GetValueOrDefault(id) ?? [])))}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A resting buy (far below the market) of 0.01 BTC.</summary>
    public static SubmitOrder Buy(LoginId login, ClientOrderId id, decimal price) =>
        new(login, id, DateTimeOffset.UtcNow, new Symbol("BTC/USDT"), OrderSide.Buy, OrderType.Limit, 0.01m, price);
}
