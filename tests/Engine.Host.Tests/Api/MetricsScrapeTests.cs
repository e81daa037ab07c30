using System.Globalization;
using System.Text.RegularExpressions;

namespace Engine.Host.Tests.Api;

/// <summary>
/// The instruments fed from outside the order path, scraped from <c>/metrics</c> of a real running engine (simulator,
/// market maker, SQLite journal on the engine's plugin, a request budget on the login): the journal commit latency
/// histogram counts the real commits, and the budget gauge shows the login's window in use.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsScrapeTests(MetricsScrapeTests.Engine engine) : IClassFixture<MetricsScrapeTests.Engine>
{
    [Fact]
    public async Task The_journal_commit_latency_and_the_budget_used_per_window_are_scraped_with_real_values()
    {
        string text = string.Empty;
        try
        {
            await engine.Running.Eventually(
                async () =>
                {
                    text = await engine.Running.Http.GetStringAsync("metrics");
                    return Value(text, JournalCount()) > 0 && Value(text, BudgetUsed()) > 0;
                },
                "the journal commits and the budget window are in use");
        }
        catch (TimeoutException ex)
        {
            // Say which of the two never showed, with the engine's series as last scraped.
            var series = string.Join(Environment.NewLine, text.Split('\n').Where(l => l.StartsWith("engine_", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal)));
            throw new TimeoutException($"{ex.Message}: journal commits {Value(text, JournalCount())}, budget used {Value(text, BudgetUsed())}; last scrape:{Environment.NewLine}{series}", ex);
        }

        var commits = Value(text, JournalCount());
        var sum = Value(text, JournalSum());
        Assert.True(sum > 0, $"the commits took no time at all: {sum} ms over {commits}");
        Assert.Equal(1000, Value(text, BudgetLimit()));
    }

    /// <summary>The value of the first sample matching <paramref name="line"/>; -1 when none.</summary>
    private static double Value(string text, Regex line) =>
        line.Match(text) is { Success: true } m ? double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex("""^engine_journal_commit_milliseconds_count\{[^}]*plugin="akka\.persistence\.journal\.engine"[^}]*\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex JournalCount();

    [GeneratedRegex("""^engine_journal_commit_milliseconds_sum\{[^}]*plugin="akka\.persistence\.journal\.engine"[^}]*\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex JournalSum();

    [GeneratedRegex("""^engine_budget_used\{[^}]*login="qg-huobi"[^}]*window="REQUESTS"[^}]*\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex BudgetUsed();

    [GeneratedRegex("""^engine_budget_limit\{[^}]*login="qg-huobi"[^}]*window="REQUESTS"[^}]*\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex BudgetLimit();

    public sealed class Engine : IAsyncLifetime
    {
        public RunningEngine Running { get; } = new()
        {
            ExtraHocon = """
                engine.logins = [
                  {
                    name = qg-huobi
                    venue = quant-gateway
                    quant-gateway {
                      url = "sim://quant-gateway"
                      platform = huobi
                      symbols = ["BTC/USDT"]
                      access-key = demo-spot-key
                      secret-key = demo-spot-secret
                      budget-requests = 1000
                      budget-window = 60s
                    }
                  }
                ]
                """,
        };

        public Task InitializeAsync() => Running.InitializeAsync();

        public Task DisposeAsync() => Running.DisposeAsync();
    }
}
