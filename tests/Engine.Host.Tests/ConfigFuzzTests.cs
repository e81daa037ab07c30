using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Engine.Host.Tests;

/// <summary>
/// A seeded, time-bounded table of generated broken configuration files, one class per defect of issue 16 item 4,
/// each run through <c>engine check-config</c> in-process: every one is refused with exit code 2 and a short report of
/// <c>config error: file:line: ...</c> lines, without a stack trace, an exception name, a secret from the environment,
/// or a flood of repeated lines.
/// </summary>
public sealed class ConfigFuzzTests
{
    private const int Seed = 4;
    private const string SecretVariable = "ENGINE_CONFIG_FUZZ_SECRET";
    private const string SecretValue = "fuzz-Secret-3f9c1e2b7a";

    private static readonly string[] Words = ["soon", "lots", "[1,2]", "{ a = 1 }", "true", "\"\"", "-", "null", "1x", "0xFF"];

    public static TheoryData<string> Classes => [.. Generators.Keys];

    private static Dictionary<string, Func<Random, string>> Generators { get; } = new(StringComparer.Ordinal)
    {
        ["unknown-key"] = r => r.Next(2) == 0
            ? $"engine.{Name(r)} = 1\n"
            : StartupHardeningTests.Config(parameters: Good() + $"\n{Name(r)} = {r.Next(100)}"),
        ["wrong-type"] = r => r.Next(3) switch
        {
            0 => $"engine.run.status-interval = {Pick(r, Words)}\n",
            1 => $"engine.orders.snapshot-every = {Pick(r, Words)}\n",
            _ => StartupHardeningTests.Config(parameters: Good().Replace("spread-bps = 4", $"spread-bps = {Pick(r, Words)}", StringComparison.Ordinal)),
        },
        ["invalid-value"] = r => r.Next(2) == 0
            ? StartupHardeningTests.Config(parameters: Good().Replace("order-size = 0.001", $"order-size = -{r.Next(1, 1000)}", StringComparison.Ordinal))
            : $"engine.strategy-host.random-factor = {r.Next(2, 50)}\n",
        ["unknown-type-or-assembly"] = r => r.Next(3) switch
        {
            0 => StartupHardeningTests.Config(type: "Engine.Strategies.Samples." + Name(r)),
            1 => StartupHardeningTests.Config(assembly: "No." + Name(r)),
            _ => StartupHardeningTests.Config(assembly: Name(r) + ".dll"),
        },
        ["unreadable-key-file"] = r => StartupHardeningTests.Config(binanceKey: $"private-key-path = \"/nonexistent/{Name(r)}.pem\""),
        ["huge-duration"] = r => $"{Pick(r, ["engine.run.status-interval", "akka.actor.ask-timeout", "engine.strategy-host.restart-window"])} = {new string('9', r.Next(20, 29))} {Pick(r, ["days", "d", "hours", "h", "minutes"])}\n",
        ["deep-nesting"] = r =>
        {
            var depth = r.Next(101, 3000);
            return r.Next(2) == 0
                ? "engine.x = " + string.Concat(Enumerable.Repeat("{ a = ", depth)) + "1" + new string('}', depth) + "\n"
                : "engine.x = " + new string('[', depth) + new string(']', depth) + "\n";
        },
        ["many-dotted-keys"] = r =>
        {
            var text = new StringBuilder();
            for (var i = r.Next(2_000, 20_000); i > 0; i--)
            {
                text.Append("engine.bulk.k").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" = 1\n");
            }

            return text.ToString();
        },
        ["environment-secret"] = r => $"engine.{Pick(r, ["run.status-interval", "orders.snapshot-every", "strategy-host.max-restarts"])} = ${{?{SecretVariable}}}\n",
        ["nul-byte"] = r =>
        {
            var text = StartupHardeningTests.Config();
            var at = r.Next(text.Length);
            return text[..at] + "\0" + text[at..];
        },
        ["repeated-bad-line"] = r => "engine.logins = [" + string.Join(", ", Enumerable.Repeat(Pick(r, ["7", "x", "true"]), r.Next(1_000, 50_000))) + "]\n",
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task Every_generated_file_of_a_class_is_refused_cleanly(string kind)
    {
        Environment.SetEnvironmentVariable(SecretVariable, SecretValue);
        var random = new Random(Seed + kind.Length);
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < 6 && budget.Elapsed < TimeSpan.FromSeconds(8); i++)
        {
            using var dir = new TempDir();
            var db = Path.Combine(dir.Path, "engine.db").Replace('\\', '/');
            var file = dir.File("fuzz.conf", Generators[kind](random).Replace("DBFILE", db, StringComparison.Ordinal));

            var (code, output, error) = await CliRunner.RunAsync("check-config", "--config", file);

            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var context = $"{kind} #{i}: exit {code}\n{string.Join('\n', lines.Take(5))}";
            Assert.True(code == 2, context);
            Assert.DoesNotContain("configuration is valid", output, StringComparison.Ordinal);
            Assert.NotEmpty(lines);
            // Each line names where: the file (with its line), or the variable a value came from.
            Assert.All(lines, l => Assert.True(l.StartsWith("config error: " + file, StringComparison.Ordinal) || l.StartsWith("config error: env:", StringComparison.Ordinal), l));
            Assert.True(lines.Length <= 101, context);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception:", error, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretValue, output + error, StringComparison.Ordinal);
        }
    }

    private static string Good() => """
        symbol = "BTC/USDT"
        initial-mid = 50000
        spread-bps = 4
        order-size = 0.001
        requote-threshold-bps = 2
        refresh-interval = 2s
        max-long = 0.01
        max-short = 0.01
        """;

    private static string Name(Random random) => "k" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
