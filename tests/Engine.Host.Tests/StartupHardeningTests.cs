namespace Engine.Host.Tests;

/// <summary>
/// Issue 16, item 4: what <c>check-config</c> used to pass (or crash on) is refused by both <c>check-config</c> and
/// <c>run</c>, before anything starts, with exit code 2 and a line naming file, key and what was expected.
/// </summary>
public class StartupHardeningTests
{
    private const string GoodParameters = """
        symbol = "BTC/USDT"
        initial-mid = 50000
        spread-bps = 4
        order-size = 0.001
        requote-threshold-bps = 2
        refresh-interval = 2s
        max-long = 0.01
        max-short = 0.01
        """;

    public static TheoryData<string, string> StrategyAndKeyCases => new()
    {
        { Config(parameters: GoodParameters + "\nbogus-key = 1"), "engine.strategies.0: strategy 'mm-1': parameters do not bind to MarketMakerParameters:" },
        { Config(parameters: GoodParameters + "\nbogus-key = 1"), "bogus-key: unknown key" },
        { Config(parameters: GoodParameters.Replace("spread-bps = 4", "spread-bps = wide", StringComparison.Ordinal)), "spread-bps: expected a number, got \"wide\"" },
        { Config(parameters: GoodParameters.Replace("order-size = 0.001", "order-size = -1", StringComparison.Ordinal)), "order-size must be positive, got -1" },
        { Config(type: "Engine.Strategies.Samples.NoSuchMaker"), "type 'Engine.Strategies.Samples.NoSuchMaker' not found in Engine.Strategies.Samples (loaded); strategy types there: Engine.Strategies.Samples.FollowWindow, Engine.Strategies.Samples.MarketMaker" },
        { Config(assembly: "No.Such.Assembly"), "strategy 'mm-1': assembly 'No.Such.Assembly' is neither loaded nor loadable by name" },
        { Config(assembly: "missing-plugin.dll"), "strategy 'mm-1': assembly file '" },
        { Config(binanceKey: "private-key-path = \"/nonexistent/harden/ed25519.pem\""), "engine.logins.1: login 'bn': binance.private-key-path '/nonexistent/harden/ed25519.pem': cannot be read (" },
        { Config(binanceKey: "private-key-path = \"KEYFILE\""), "engine.logins.1: login 'bn': binance.private-key-path '" },
    };

    [Theory]
    [MemberData(nameof(StrategyAndKeyCases))]
    public async Task Check_config_loads_strategies_and_keys_as_run_does(string content, string expected)
    {
        using var dir = new TempDir();
        var file = Write(dir, content);

        var (code, output, error) = await CliRunner.RunAsync("check-config", "--config", file);

        Assert.True(code == 2, $"exit {code}: {output}{error}");
        Assert.Contains("bad.conf:", error, StringComparison.Ordinal);
        Assert.True(error.Contains(expected, StringComparison.Ordinal), error);
        Assert.DoesNotContain("configuration is valid", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StrategyAndKeyCases))]
    public async Task Run_fails_at_start_up_with_exit_code_2_on_the_same_problems(string content, string expected)
    {
        using var dir = new TempDir();
        var file = Write(dir, content);

        var (code, _, error) = await CliRunner.RunAsync("run", "--config", file, "--for", "30s");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.True(error.Contains(expected, StringComparison.Ordinal), error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "engine.db")), "nothing was started: the journal was never opened");
    }

    [Fact]
    public async Task The_good_strategy_file_passes_the_check()
    {
        using var dir = new TempDir();
        var file = Write(dir, Config());

        var (code, output, error) = await CliRunner.RunAsync("check-config", "--config", file);

        Assert.True(code == 0, error);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_strategy_is_not_loaded()
    {
        using var dir = new TempDir();
        var file = Write(dir, Config(type: "Engine.Strategies.Samples.NoSuchMaker").Replace("logins = [qg]", "logins = [qg], enabled = false", StringComparison.Ordinal));

        var (code, _, error) = await CliRunner.RunAsync("check-config", "--config", file);

        Assert.True(code == 0, error);
    }

    [Theory]
    [InlineData("akka.actor.ask-timeout = 99999999999999999999 days\n")]
    [InlineData("engine.run.status-interval = 99999999999999999999 days\n")]
    [InlineData("engine.strategy-host.min-backoff = 1e40 s\n")]
    public async Task A_huge_duration_is_a_config_error_without_a_stack_trace(string content)
    {
        using var dir = new TempDir();
        var file = Write(dir, content);

        foreach (var args in new[] { new[] { "check-config", "--config", file }, ["run", "--config", file, "--for", "30s"] })
        {
            var (code, _, error) = await CliRunner.RunAsync(args);

            Assert.True(code == 2, $"{args[0]}: exit {code}: {error}");
            Assert.StartsWith("config error: ", error, StringComparison.Ordinal);
            Assert.Contains("bad.conf:1:", error, StringComparison.Ordinal);
            Assert.DoesNotContain("OverflowException", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1e30s")]
    [InlineData("1e300h")]
    [InlineData("Infinitys")]
    [InlineData("NaNs")]
    [InlineData("9999999h")]
    [InlineData("50.00:00:00")]
    public async Task An_out_of_range_for_duration_is_refused_with_a_clear_message(string duration)
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--for", duration);

        Assert.NotEqual(0, code);
        Assert.Contains($"--for: '{duration}' is not a duration; expected a positive duration of at most 49 days", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_from_the_environment_in_a_wrong_typed_key_is_not_echoed()
    {
        const string variable = "ENGINE_HARDEN_TEST_SECRET";
        const string secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            using var dir = new TempDir();
            var file = Write(dir, Config(binanceKey: "key-type = hmac\n        secret = x\n        recv-window = ${?" + variable + "}"));

            var (code, output, error) = await CliRunner.RunAsync("check-config", "--config", file);

            Assert.Equal(2, code);
            Assert.DoesNotContain(secret, output + error, StringComparison.Ordinal);
            Assert.Contains($"recv-window: expected an integer between 1 and 60000, got a value from the environment ({variable}), not shown", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_NUL_byte_in_the_file_is_refused()
    {
        using var dir = new TempDir();
        var file = Write(dir, "engine {\n  run.status-interval = 5s\0\n}\n");

        var (code, _, error) = await CliRunner.RunAsync("check-config", "--config", file);

        Assert.Equal(2, code);
        Assert.Contains("bad.conf:2: a NUL character", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_thousand_nesting_levels_are_refused_without_a_stack_overflow()
    {
        using var dir = new TempDir();
        var file = Write(dir, "engine.x = " + string.Concat(Enumerable.Repeat("{ a = ", 20_000)) + "1" + new string('}', 20_000) + "\n");

        var (code, _, error) = await CliRunner.RunAsync("check-config", "--config", file);

        Assert.Equal(2, code);
        Assert.Contains("nest more than 100 levels deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_bad_line_gives_one_error_line()
    {
        using var dir = new TempDir();
        var file = Write(dir, "engine {\n  logins = [" + string.Join(", ", Enumerable.Repeat("7", 50_000)) + "]\n}\n");

        var (code, _, error) = await CliRunner.RunAsync("check-config", "--config", file);

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.conf:2: engine.logins.0: expected an object, got 7 (and at 49999 more list item(s) from the same line)", line, StringComparison.Ordinal);
    }

    private static string Write(TempDir dir, string content)
    {
        var keyFile = dir.File("not-a-key.pem", "-----BEGIN PRIVATE KEY-----\nnot a key at all\n-----END PRIVATE KEY-----\n");
        var db = Path.Combine(dir.Path, "engine.db").Replace('\\', '/');
        return dir.File("bad.conf", content
            .Replace("KEYFILE", keyFile.Replace('\\', '/'), StringComparison.Ordinal)
            .Replace("DBFILE", db, StringComparison.Ordinal));
    }

    /// <summary>A file that starts: one simulated quant gateway login, the sample market maker, optionally a Binance login.</summary>
    internal static string Config(
        string type = "Engine.Strategies.Samples.MarketMaker",
        string assembly = "Engine.Strategies.Samples",
        string parameters = GoodParameters,
        string? binanceKey = null)
    {
        var binance = binanceKey is null ? string.Empty : $$"""
                {
                  name = bn
                  venue = binance
                  binance {
                    url = "sim://binance"
                    api-key = demo
                    symbols = [BTCUSDT]
                    {{binanceKey}}
                  }
                }
            """;
        return $$"""
            engine {
              journal.sqlite.path = "DBFILE"
              snapshot-store.sqlite.path = "DBFILE"
              logins = [
                {
                  name = qg
                  venue = quant-gateway
                  quant-gateway {
                    url = "sim://quant-gateway"
                    platform = huobi
                    symbols = ["BTC/USDT"]
                    access-key = demo-spot-key
                    secret-key = demo-spot-secret
                  }
                }
            {{binance}}
              ]
              strategies = [
                {
                  name = mm-1
                  type = "{{type}}"
                  assembly = "{{assembly}}"
                  logins = [qg]
                  parameters {
            {{parameters}}
                  }
                }
              ]
            }
            """;
    }
}
