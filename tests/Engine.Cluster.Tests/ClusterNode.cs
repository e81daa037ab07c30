using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Engine.Actors.Cluster;
using Engine.Host.Configuration;
using Engine.Host.Runtime;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Cluster.Tests;

/// <summary>
/// One engine node in the test process: <c>engine run</c>'s own runtime (<see cref="EngineRuntime"/>) on a cluster
/// configuration, with its actor system at hand. <see cref="Crash"/> terminates the actor system without leaving the
/// cluster (coordinated shutdown does not run on terminate in these configurations): to the other nodes it is a dead process.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<int> _run = Task.FromResult(0);

    private ClusterNode(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public ActorSystem System { get; private set; } = null!;

    /// <summary>Latest connection state of each login whose connection ran on this node.</summary>
    public ConcurrentDictionary<LoginId, ConnectionState> States { get; } = new();

    public bool Crashed { get; private set; }

    /// <summary>The order events published on this node, by client order id.</summary>
    public ConcurrentDictionary<ClientOrderId, ConcurrentQueue<string>> Orders { get; } = new();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ClusterNode> StartAsync(string configPath, int port)
    {
        var node = new ClusterNode(port);
        var started = new TaskCompletionSource<ActorSystem>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runtime = new EngineRuntime(EngineConfiguration.Load(configPath), NullLoggerFactory.Instance, TimeProvider.System)
        {
            SystemStarted = s => started.TrySetResult(s),
        };
        node._run = Task.Run(() => runtime.RunAsync(node._stop.Token));
        var first = await Task.WhenAny(started.Task, node._run).WaitAsync(TimeSpan.FromSeconds(30));
        if (first != started.Task)
        {
            throw new InvalidOperationException($"node on port {port} ended before its actor system started (exit code {await node._run})");
        }

        node.System = await started.Task;
        node.System.ActorOf(Props.Create(() => new StateWatcher(node.States)), "test-state-watcher");
        node.System.ActorOf(Props.Create(() => new OrderWatcher(node.Orders)), "test-order-watcher");
        return node;
    }

    /// <summary>The logins whose entity runs on this node.</summary>
    public async Task<IReadOnlyList<LoginId>> HostedAsync() =>
        (await System.ActorSelection("/user/login-events").Ask<HostedLogins>(GetHostedLogins.Instance, TimeSpan.FromSeconds(5))).Logins;

    /// <summary>The entities the node's login shard region runs, by its own account (what the relay's view is checked against).</summary>
    public async Task<IReadOnlyList<string>> RegionEntitiesAsync() =>
        [.. (await System.ActorSelection("/system/sharding/logins").Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5)))
            .Shards.SelectMany(s => s.EntityIds).Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="login"/> runs here and its connection is Ready.</summary>
    public async Task<bool> ReadyHereAsync(LoginId login) =>
        (await HostedAsync()).Contains(login) && States.TryGetValue(login, out var state) && state == ConnectionState.Ready;

    /// <summary>The node's connections actor, where strategies send their commands.</summary>
    public ActorSelection Connections => System.ActorSelection("/user/engine/connections");

    public async Task CrashAsync()
    {
        Crashed = true;
        await System.Terminate();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(60));

        _stop.Dispose();
    }
}
