using Engine.Host.Configuration;

namespace Engine.Host.Tests;

public class CheckConfigTests
{
    private const string BadLogin = """
        engine {
          logins = [
            {
              name = x
              venue = quant-gateway
              quant-gateway {
                url = "ws://127.0.0.1:1/ws"
                platform = okex
                symbols = ["BTC/USDT"]
                access-key = a
                secret-key = b
              }
            }
          ]
        }
        """;

    [Fact]
    public async Task The_default_engine_conf_is_valid()
    {
        var (code, output, error) = await CliRunner.RunAsync("check-config", "--config", Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf"));

        Assert.True(code == 0, error);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine {\n  orders.snapshot-every = 30\n  bogus = 1\n}\n", ":3: engine.bogus: unknown key")]
    [InlineData("engine {\n  kernel.throughput = 30\n}\n", ":2: engine.kernel: unknown key")]
    [InlineData("engine {\n  journal.plugin = akka-sql\n  journal.database = in-memory\n}\n", "in-memory")]
    [InlineData("akka {\n  loglevel = LOUD\n}\n", ":1: akka: Akka cannot start with it")]
    [InlineData("engine.run.status-interval = 1s\nakka.actor.ask-timeout = soon\n", ": akka: Akka cannot")]
    [InlineData("engine {\n  run {\n    status-interval = 0s\n  }\n}\n", ":3: engine.run.status-interval: expected a duration")]
    [InlineData("engine {\n  journal.plugin = mysql\n}\n", ":2: engine.journal.plugin:")]
    [InlineData(BadLogin, ":3: engine.logins.0: login 'x': quant-gateway.platform: okex")]
    [InlineData("engine {\n  strategies = [ { name = s, type = T, assembly = A, logins = [nobody] } ]\n}\n", "engine: strategies: strategy 's' trades login 'nobody', which is not configured")]
    [InlineData("engine.logins = [ { name = a, venue = quant-gateway, quant-gateway { url = \"sim://nowhere\", platform = huobi, symbols = [X], access-key = k, secret-key = s } } ]\n", "no simulator is called 'nowhere'")]
    [InlineData("engine.logins = [\n { name = a, venue = quant-gateway, socket-group = g, quant-gateway { url = \"ws://127.0.0.1:1/ws/v1\", platform = huobi, symbols = [X], access-key = k, secret-key = s } }\n { name = b, venue = quant-gateway, socket-group = g, quant-gateway { url = \"ws://127.0.0.1:2/ws/v1\", platform = huobi, symbols = [X], access-key = k2, secret-key = s } }\n]\n", "socket-group 'g' joins logins of different venues or URLs (a, b)")]
    public async Task A_bad_file_fails_with_file_line_key_and_exit_code_2(string content, string expected) =>
        Assert.Contains(expected, await CliRunner.CheckBadConfigAsync(content), StringComparison.Ordinal);

    [Fact]
    public async Task Run_refuses_a_bad_file_with_the_same_message_and_exit_code_2()
    {
        using var dir = new TempDir();
        var file = dir.File("bad.conf", "engine {\n  bogus = 1\n}\n");

        var (code, _, error) = await CliRunner.RunAsync("run", "--config", file, "--for", "1s");

        Assert.Equal(2, code);
        Assert.Contains("bad.conf:2: engine.bogus: unknown key", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine.conf")]
    [InlineData("examples/quant-gateway.conf")]
    [InlineData("examples/postgres.conf")]
    public void Every_shipped_file_passes_the_check_with_its_environment(string file)
    {
        var environment = new Dictionary<string, string>
        {
            ["QG_ACCESS_KEY"] = "key",
            ["QG_SECRET_KEY"] = "secret",
            ["ENGINE_PG"] = "Host=localhost;Database=engine",
        };

        var loaded = EngineConfiguration.Load(Path.Combine(CliRunner.RepoRoot(), "hocon", file), environment.GetValueOrDefault);

        Assert.NotEmpty(loaded.Options.Logins);
    }

    [Fact]
    public void The_quant_gateway_example_without_its_secrets_names_the_missing_keys()
    {
        var error = Assert.Throws<Engine.Config.ConfigException>(
            () => EngineConfiguration.Load(Path.Combine(CliRunner.RepoRoot(), "hocon", "examples", "quant-gateway.conf"), _ => null));

        Assert.Contains(error.Errors, e => e.Path.EndsWith("quant-gateway.access-key", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path.EndsWith("quant-gateway.secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public void The_postgres_example_puts_the_journal_on_postgresql_from_ENGINE_PG()
    {
        var loaded = EngineConfiguration.Load(
            Path.Combine(CliRunner.RepoRoot(), "hocon", "examples", "postgres.conf"),
            name => name == "ENGINE_PG" ? "Host=db;Database=engine" : null);

        Assert.Equal(("engine", "postgresql"), (loaded.Options.Journal.ResolvedPlugin(), loaded.Options.Journal.ResolvedDatabase()));
        Assert.Equal("Host=db;Database=engine", loaded.Options.Journal.PostgreSql.ConnectionString);
        Assert.Equal(("engine", "postgresql"), (loaded.Options.SnapshotStore.ResolvedPlugin(), loaded.Options.SnapshotStore.ResolvedDatabase()));
    }

    [Fact]
    public void The_default_file_runs_the_simulator_one_huobi_login_and_the_sample_market_maker()
    {
        var options = EngineConfiguration.Load(Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf")).Options;

        var login = Assert.Single(options.Logins);
        Assert.Equal(new Uri("sim://quant-gateway"), login.QuantGateway!.Url);
        Assert.Equal("huobi", login.QuantGateway.Platform);
        Assert.Equal(["BTC/USDT"], login.QuantGateway.Symbols.ToArray());
        var strategy = Assert.Single(options.Strategies);
        Assert.Equal("Engine.Strategies.Samples.MarketMaker", strategy.Type);
        Assert.Equal("./data/engine.db", options.Journal.Sqlite.Path);
    }
}
