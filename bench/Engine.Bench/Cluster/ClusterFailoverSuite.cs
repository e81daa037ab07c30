using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Engine.Actors.Cluster;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Engine.Bench.Cluster;

/// <summary>
/// <c>cluster.failover_seconds</c>: how long the logins of a crashed cluster node take to be Ready again on the survivors,
/// with the engine's default cluster settings. The bar (issue 13): 15 s.
/// <para>
/// Three engine nodes, each its own process running <c>engine run</c> (<see cref="EngineNodeProcess"/>), so each node has
/// exactly what a user's node has: <c>AkkaConfiguration</c> over <see cref="ClusterHocon.Defaults"/> (failure detector,
/// keep-majority split-brain resolver, stable-after, down-removal margin, sharding with remember-entities), the host's
/// Akka.Cluster.Hosting composition and its own process, runtime and thread pool. The node files set only what a
/// cluster node must (remoting port, seed nodes, <c>engine.cluster.enabled</c>, the PostgreSQL journal, logins and
/// strategies), plus <c>min-nr-of-members = 2</c> as the shipped example files (hocon/examples/cluster-node1.conf) do,
/// and a status interval of an hour to keep the logs short. One quant gateway simulator in the bench process with a
/// moving market (a tick every 500 ms) and an account per login; <see cref="Logins"/> logins (30;
/// <c>ENGINE_BENCH_FAILOVER_LOGINS</c> changes it), each with one sample market maker, as <c>scripts/cluster-demo.sh</c>
/// runs them; the journal is a scratch database (created, then dropped) on the server of <c>ENGINE_PG</c> (else
/// <c>ENGINE_TEST_PG</c>), as the other PostgreSQL suites the suite is skipped without one.
/// </para>
/// <para>
/// Once every login is Ready on exactly one node and no login has moved for <see cref="Quiet"/> (longer than the
/// coordinator's rebalance interval, so the placement is settled), the node holding the most logins (on a tie the
/// oldest, which also holds the shard coordinator and the risk singleton: the longest path) is killed with SIGKILL;
/// <c>ENGINE_BENCH_FAILOVER_KILL=coordinator</c> kills the oldest whatever it holds.
/// A process kill is the most faithful crash: nothing of the node runs after it (no leave, no coordinated shutdown,
/// no hand-off, no graceful close of its remoting or venue sockets; the kernel resets them) and the survivors' CPU is
/// no longer shared with it, neither of which an actor system terminated in a shared process gives.
/// </para>
/// <para>
/// Measured on the bench's clock as the survivors' log lines arrive: the failover is from the kill until every login the
/// killed node held has logged <c>-> Ready</c> on a survivor. Its parts, each from the previous mark: detection (first
/// "Marking node(s) as UNREACHABLE"), resolver (first "SBR took decision": keep-majority downs the node), removal (first
/// "Leader is removing"), re-allocation (to the first moved login's "started on node": down-removal margin, coordinator
/// move, regions registering, shards allocated) and recovery (to the last moved login's Ready: replay, login, venue
/// reconciliation). <see cref="BenchResult.Baseline"/> of <c>cluster.failover_seconds</c> is the bar, so its ratio is
/// bar / value (above 1: within the bar). Node logs and files stay in a temporary folder named on the first progress line.
/// </para>
/// </summary>
public sealed class ClusterFailoverSuite : IBenchSuite
{
    private const int Nodes = 3;
    private static readonly TimeSpan Bar = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan FailoverTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>The marks of the survivors' logs, in the order the failover passes them.</summary>
    private static readonly (string Name, string Text)[] Marks =
    [
        ("unreachable", "Marking node(s) as UNREACHABLE"),
        ("downed", "SBR took decision"),
        ("removed", "Leader is removing"),
        ("coordinator moved", NodeLogReader.CoordinatorActive),
    ];

    /// <inheritdoc />
    public string Name => "cluster-failover";

    /// <summary><c>ENGINE_BENCH_FAILOVER_KILL=coordinator</c>: kill the node of the shard coordinator (the oldest) whatever it holds.</summary>
    private static bool KillCoordinator => Environment.GetEnvironmentVariable("ENGINE_BENCH_FAILOVER_KILL") == "coordinator";

    private static int Logins =>
        int.TryParse(Environment.GetEnvironmentVariable("ENGINE_BENCH_FAILOVER_LOGINS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 30;

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        var server = Environment.GetEnvironmentVariable("ENGINE_PG") is { Length: > 0 } pg ? pg
            : Environment.GetEnvironmentVariable("ENGINE_TEST_PG") is { Length: > 0 } test ? test : null;
        if (server is null)
        {
            await progress.WriteLineAsync("cluster-failover: skipped: set ENGINE_PG (or ENGINE_TEST_PG) to a PostgreSQL connection string");
            yield break;
        }

        var engineDll = EngineNodeProcess.EngineDll();
        var count = Logins;
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] names = [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"fo{run}-{i:D3}"))];
        var folder = Directory.CreateTempSubdirectory("engine-bench-failover-").FullName;
        await progress.WriteLineAsync($"cluster-failover: {count} logins with a market maker each, {Nodes} engine processes (engine run, {DefaultsText()}); node logs in {folder}");

        using var loggerFactory = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        await using var venue = await SimulatorHost.StartAsync("quant-gateway", new SimulatorOptions
        {
            Market = new MarketOptions { TickInterval = TimeSpan.FromMilliseconds(500) },
            Accounts = [.. names.Select(n => new AccountOptions
            {
                Id = n,
                ApiKey = n + "-key",
                Secret = n + "-secret",
                SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 100_000m).Add("BTC", 2m),
            })],
        }, port: 0, loggerFactory, cancellationToken: cancellationToken);
        var database = "engine_bench_failover_" + run;
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"", cancellationToken);
        var nodes = new List<EngineNodeProcess>();
        try
        {
            var journal = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

            var clock = Stopwatch.StartNew();
            var ports = Enumerable.Range(0, Nodes).Select(_ => FreePort()).ToArray();
            for (var i = 0; i < Nodes; i++)
            {
                var config = Path.Combine(folder, $"node{i + 1}.conf");
                await File.WriteAllTextAsync(config, NodeConfig(ports[i], ports, journal, venue.WebSocketUri, names), cancellationToken);
                nodes.Add(EngineNodeProcess.Start(i + 1, engineDll, config, folder, Path.Combine(folder, $"node{i + 1}.log"), clock));
            }

            var reader = new NodeLogReader(nodes);
            var settled = await SettleAsync(reader, nodes, names, clock, progress, cancellationToken);
            await progress.WriteLineAsync($"cluster-failover: every login Ready after {settled.TotalSeconds:F1} s, placement settled; logins per node {string.Join(" / ", nodes.Select(n => reader.Held(n).Count))}");

            var coordinator = reader.CoordinatorNode;
            var victim = KillCoordinator && coordinator is not null ? coordinator
                : nodes.OrderByDescending(n => reader.Held(n).Count).ThenBy(n => n == coordinator ? 0 : 1).ThenBy(n => n.Index).First();
            var moved = reader.Held(victim).ToHashSet(StringComparer.Ordinal);
            var survivors = nodes.Where(n => n != victim).ToList();
            var marks = survivors.ToDictionary(n => n, n => n.LineCount);
            var killedAt = victim.Kill();
            await progress.WriteLineAsync($"cluster-failover: SIGKILL node {victim.Index}{(victim == coordinator ? " (the oldest: it held the shard coordinator and the risk singleton)" : string.Empty)}, holding {moved.Count} logins");

            var timeline = await AwaitFailoverAsync(survivors, marks, moved, clock, cancellationToken);
            reader.Update();
            var readyOnce = reader.ReadyOnce(names, survivors);
            var failover = (timeline.LastReady - killedAt).TotalSeconds;
            var parts = Parts(timeline, killedAt);
            await progress.WriteLineAsync(
                $"cluster.failover_seconds: {failover:F2} s for {moved.Count} logins (bar: <= {Bar.TotalSeconds:F0} s: {(failover <= Bar.TotalSeconds ? "met" : "missed")}); "
                + "after the kill: " + string.Join(", ", timeline.Marks.Select(m => $"{m.Name} +{(m.At - killedAt).TotalSeconds:F2} s"))
                + $", first login started +{(timeline.FirstStarted - killedAt).TotalSeconds:F2} s, last login Ready +{failover:F2} s; {readyOnce} of {count} logins Ready on the survivors");
            yield return new BenchResult("cluster.failover_seconds", "s", failover, Bar.TotalSeconds, LowerIsBetter: true);
            foreach (var (name, seconds) in parts)
            {
                yield return new BenchResult($"cluster.failover.{name}_seconds", "s", seconds);
            }

            yield return new BenchResult("cluster.failover.moved_logins", "logins", moved.Count);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }

            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>
    /// The parts of the failover, each from the previous mark present (a missing mark, e.g. no coordinator move when the
    /// killed node was not the oldest, folds into the next part): detection, resolver, removal, re-allocation, recovery.
    /// </summary>
    private static List<(string Name, double Seconds)> Parts(FailoverTimeline timeline, TimeSpan killedAt)
    {
        var parts = new List<(string, double)>();
        var previous = killedAt;
        foreach (var (mark, name) in new[] { ("unreachable", "detection"), ("downed", "resolver"), ("removed", "removal") })
        {
            if (timeline.Marks.FirstOrDefault(m => m.Name == mark) is { Name: not null } found)
            {
                var at = found.At;
                parts.Add((name, (at - previous).TotalSeconds));
                previous = at;
            }
        }

        parts.Add(("reallocation", (timeline.FirstStarted - previous).TotalSeconds));
        parts.Add(("recovery", (timeline.LastReady - timeline.FirstStarted).TotalSeconds));
        return parts;
    }

    /// <summary>Waits until every login is Ready on exactly one node and no login moved for <see cref="Quiet"/>; the time to the first.</summary>
    private static async Task<TimeSpan> SettleAsync(
        NodeLogReader reader, List<EngineNodeProcess> nodes, string[] names, Stopwatch clock, TextWriter progress, CancellationToken cancellationToken)
    {
        TimeSpan? allReady = null;
        var lastNote = TimeSpan.Zero;
        while (true)
        {
            if (nodes.FirstOrDefault(n => n.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"engine node {dead.Index} exited during start-up; its log: {string.Join(" | ", dead.Lines().TakeLast(5).Select(l => l.Text))}");
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"{reader.ReadyOnce(names)} of {names.Length} logins Ready after {StartTimeout}; node logs in the folder of the first line");
            }

            reader.Update();
            var ready = reader.ReadyOnce(names);
            if (ready == names.Length)
            {
                allReady ??= clock.Elapsed;
                if (clock.Elapsed - reader.LastPlacementChange >= Quiet)
                {
                    return allReady.Value;
                }
            }
            else
            {
                allReady = null;
            }

            if (clock.Elapsed - lastNote > TimeSpan.FromSeconds(10))
            {
                lastNote = clock.Elapsed;
                await progress.WriteLineAsync($"cluster-failover: {ready} of {names.Length} logins Ready, logins per node {string.Join(" / ", nodes.Select(n => reader.Held(n).Count))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Follows the survivors' lines after the kill until every moved login logged Ready on one of them.</summary>
    private static async Task<FailoverTimeline> AwaitFailoverAsync(
        List<EngineNodeProcess> survivors, Dictionary<EngineNodeProcess, int> marks, HashSet<string> moved, Stopwatch clock, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var started = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var ready = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var deadline = clock.Elapsed + FailoverTimeout;
        while (ready.Count < moved.Count)
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{ready.Count} of {moved.Count} moved logins Ready on the survivors {FailoverTimeout} after the kill; marks seen: {string.Join(", ", seen.Keys)}");
            }

            foreach (var node in survivors)
            {
                var lines = node.Lines(marks[node]);
                marks[node] += lines.Count;
                foreach (var (at, text) in lines)
                {
                    foreach (var (name, mark) in Marks)
                    {
                        if (!seen.ContainsKey(name) && text.Contains(mark, StringComparison.Ordinal))
                        {
                            seen[name] = at;
                        }
                    }

                    if (NodeLogReader.StartedLine(text) is { Success: true } start && moved.Contains(start.Groups["login"].Value))
                    {
                        started.TryAdd(start.Groups["login"].Value, at);
                    }
                    else if (NodeLogReader.ReadyLogin(text) is { } login && moved.Contains(login))
                    {
                        ready.TryAdd(login, at);
                    }
                }
            }

            if (survivors.FirstOrDefault(n => n.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"surviving node {dead.Index} exited during the failover");
            }

            await Task.Delay(Poll, cancellationToken);
        }

        var ordered = Marks.Where(m => seen.ContainsKey(m.Name)).Select(m => (m.Name, seen[m.Name])).ToImmutableArray();
        return new FailoverTimeline(ordered, started.Count > 0 ? started.Values.Min() : ready.Values.Min(), ready.Values.Max());
    }

    /// <summary>The failover-relevant defaults of <see cref="ClusterHocon.Defaults"/>, read from it (the nodes use them as they are).</summary>
    private static string DefaultsText()
    {
        var c = ClusterHocon.Defaults;
        return string.Create(CultureInfo.InvariantCulture,
            $"defaults: heartbeat {c.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval").TotalSeconds} s, "
            + $"acceptable pause {c.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause").TotalSeconds} s, "
            + $"{c.GetString("akka.cluster.split-brain-resolver.active-strategy")} stable-after {c.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after").TotalSeconds} s, "
            + $"down-removal-margin {c.GetTimeSpan("akka.cluster.down-removal-margin").TotalSeconds} s, "
            + $"sharding retry {c.GetTimeSpan("akka.cluster.sharding.retry-interval").TotalSeconds} s, "
            + $"remember-entities {(c.GetBoolean("akka.cluster.sharding.remember-entities") ? "on" : "off")}");
    }

    /// <summary>A node's file: only what a cluster node must set; every cluster timing is the engine's default.</summary>
    private static string NodeConfig(int port, int[] ports, string journal, Uri venue, string[] names)
    {
        var logins = new StringBuilder();
        var strategies = new StringBuilder();
        for (var i = 0; i < names.Length; i++)
        {
            var n = names[i];
            logins.Append(CultureInfo.InvariantCulture,
                $$"""    { name = {{n}}, venue = quant-gateway, quant-gateway { url = "{{venue}}", platform = huobi, symbols = ["BTC/USDT"], access-key = {{n}}-key, secret-key = {{n}}-secret } }""").AppendLine();
            strategies.Append(CultureInfo.InvariantCulture,
                $$"""    { name = mm-{{i + 1}}, type = "Engine.Strategies.Samples.MarketMaker", assembly = "Engine.Strategies.Samples", logins = [{{n}}], parameters { symbol = "BTC/USDT", initial-mid = 50000, spread-bps = 4, order-size = 0.001, requote-threshold-bps = 2, refresh-interval = 2s, max-long = 0.01, max-short = 0.01 } }""").AppendLine();
        }

        var seeds = string.Join(", ", ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"akka.tcp://engine@127.0.0.1:{p}\"")));
        var pg = journal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka {
              remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
              cluster {
                seed-nodes = [{{seeds}}]
                min-nr-of-members = 2
              }
            }
            engine {
              cluster.enabled = true
              journal { database = postgresql, postgresql.connection-string = "{{pg}}" }
              snapshot-store { database = postgresql, postgresql.connection-string = "{{pg}}" }
              run.status-interval = 1h
              logins = [
            {{logins}}  ]
              strategies = [
            {{strategies}}  ]
            }
            """);
    }

    private static async Task ExecuteAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(server);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>When each mark was first seen after the kill, the first moved login's start and the last one's Ready.</summary>
    private sealed record FailoverTimeline(ImmutableArray<(string Name, TimeSpan At)> Marks, TimeSpan FirstStarted, TimeSpan LastReady);
}
