using Engine.Config;
using Engine.Host.Configuration;

namespace Engine.Cluster.Tests;

/// <summary>
/// <c>engine.cluster</c>: off by default, when the engine is exactly a single process; on, a node gets Akka.Cluster with the
/// split-brain resolver (keep-majority) and is refused at start-up without a journal every node shares.
/// </summary>
public sealed class ClusterConfigTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Off_by_default_the_engine_has_no_remoting_and_no_cluster()
    {
        var loaded = Load("engine.journal.sqlite.path = \"./x.db\"");

        Assert.False(loaded.Options.Cluster.Enabled);
        var akka = AkkaConfiguration.Build(loaded);
        Assert.NotEqual("cluster", akka.GetString("akka.actor.provider", "local"));
        Assert.False(akka.HasPath("akka.cluster.downing-provider-class"));
        Assert.False(akka.HasPath("akka.cluster.split-brain-resolver.active-strategy"));
    }

    [Fact]
    public void A_cluster_node_on_postgresql_gets_the_cluster_provider_and_the_keep_majority_split_brain_resolver()
    {
        var loaded = Load(ClusterOnPostgres());

        Assert.True(loaded.Options.Cluster.Enabled);
        Assert.Equal(100, loaded.Options.Cluster.Shards);
        var akka = AkkaConfiguration.Build(loaded);
        Assert.Equal("cluster", akka.GetString("akka.actor.provider"));
        Assert.Equal("keep-majority", akka.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Contains("SplitBrainResolverProvider", akka.GetString("akka.cluster.downing-provider-class"), StringComparison.Ordinal);
        Assert.True(akka.GetBoolean("akka.cluster.sharding.remember-entities"));
        var failover = akka.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause")
            + akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after")
            + akka.GetTimeSpan("akka.cluster.down-removal-margin");
        Assert.True(failover <= TimeSpan.FromSeconds(8), $"heartbeat pause + stable-after + removal margin = {failover}: with the detector's margin and recovery it must stay under the 15 s bar");
    }

    [Fact]
    public void Akka_settings_in_the_file_win_over_the_engines_cluster_defaults()
    {
        var loaded = Load(ClusterOnPostgres() + "\nakka.cluster.split-brain-resolver.stable-after = 11s\nakka.cluster.split-brain-resolver.active-strategy = keep-oldest");

        var akka = AkkaConfiguration.Build(loaded);
        Assert.Equal(TimeSpan.FromSeconds(11), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal("keep-oldest", akka.GetString("akka.cluster.split-brain-resolver.active-strategy"));
    }

    [Fact]
    public void A_cluster_on_the_sqlite_journal_is_refused_at_start_up_naming_the_key_and_what_is_expected()
    {
        var error = Assert.Throws<ConfigException>(() => Load("engine.cluster.enabled = true"));

        Assert.Contains("engine.journal.database must be postgresql, got 'sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("engine.snapshot-store.database must be postgresql, got 'sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("engine.cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_with_an_in_process_simulator_or_a_socket_group_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load(ClusterOnPostgres() + """

            engine.logins = [
              { name = a, venue = quant-gateway, socket-group = g, quant-gateway { url = "sim://quant-gateway", platform = huobi, symbols = ["BTC/USDT"], access-key = k, secret-key = s } }
            ]
            engine.strategies = []
            """));

        Assert.Contains("login 'a' uses sim://quant-gateway", error.Message, StringComparison.Ordinal);
        Assert.Contains("socket-group 'g'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_node_configurations_are_cluster_nodes_on_postgresql()
    {
        foreach (var n in new[] { 1, 2, 3 })
        {
            var file = Path.Combine(RepoRoot(), "hocon", "examples", $"cluster-node{n}.conf");
            var loaded = EngineConfiguration.Load(file, name => name == "ENGINE_PG" ? "Host=127.0.0.1;Database=engine" : null);

            Assert.True(loaded.Options.Cluster.Enabled);
            Assert.Equal("postgresql", loaded.Options.Journal.ResolvedDatabase());
            var akka = AkkaConfiguration.Build(loaded);
            Assert.Equal(2550 + n, akka.GetInt("akka.remote.dot-netty.tcp.port"));
            Assert.Equal(3, akka.GetStringList("akka.cluster.seed-nodes").Count);
        }
    }

    private static string ClusterOnPostgres() => """
        engine.feeds = []
        engine.strategies = []
        engine.logins = [
          { name = a, venue = quant-gateway, quant-gateway { url = "ws://127.0.0.1:9878/ws/v1", platform = huobi, symbols = ["BTC/USDT"], access-key = k, secret-key = s } }
        ]
        engine.cluster.enabled = true
        engine.journal { database = postgresql, postgresql.connection-string = "Host=127.0.0.1" }
        engine.snapshot-store { database = postgresql, postgresql.connection-string = "Host=127.0.0.1" }
        """;

    private EngineConfiguration Load(string extra) =>
        EngineConfiguration.Load(_dir.File("engine.conf", $$"""
            include "{{Path.Combine(RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            {{extra}}
            """));

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
