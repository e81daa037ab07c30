using System.Text.Json;
using Engine.Messages.Orders;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

public class AuditCommandTests
{
    private static readonly IOrderEvent[] Valid =
    [
        Submit("a", quantity: 2m), Accept("a"), Partial("a", "f1", 1m, 100m, 0.1m), Fill("a", "f2", 1m, 110m, 0.1m),
        Submit("b", OrderSide.Sell, 1m, 120m), Accept("b"), Cancel("b"),
    ];

    [Fact]
    public async Task A_valid_journal_exits_0_with_timelines_and_a_summary()
    {
        using var dir = new TempDir();
        var path = await WriteJournalAsync(dir, Valid);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path);

        Assert.True(code == 0, error + output);
        Assert.Contains("qg-huobi a Buy 2 BTC/USDT Limit @ 100 -> Filled, filled 2", output, StringComparison.Ordinal);
        Assert.Contains("Summary: 7 events, 2 orders, 2 fills", output, StringComparison.Ordinal);
        Assert.Contains("orders by final status: Filled 1, Canceled 1", output, StringComparison.Ordinal);
        Assert.Contains("position qg-huobi BTC/USDT: 2", output, StringComparison.Ordinal);
        Assert.Contains("No violations.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fill without its order", "zz", "OrderFilled")]
    [InlineData("overfill", "a", "OrderPartiallyFilled")]
    [InlineData("forbidden transition", "r", "OrderAccepted")]
    public async Task A_violation_exits_non_zero_naming_the_order_and_the_event(string kind, string order, string eventName)
    {
        IOrderEvent[] events = kind switch
        {
            "fill without its order" => [.. Valid, Fill("zz", "f9", 1m)],
            "overfill" => [Submit("a", quantity: 1m), Accept("a"), Partial("a", "f1", 0.6m), Partial("a", "f2", 0.6m)],
            _ => [.. Valid, Submit("r"), Reject("r"), Accept("r", at: 9)],
        };
        using var dir = new TempDir();
        var path = await WriteJournalAsync(dir, events);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path);

        Assert.Equal(1, code);
        Assert.Contains($"order {order} {eventName}:", error, StringComparison.Ordinal);
        Assert.Contains("VIOLATION", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_format_prints_one_object_with_orders_fills_and_violations()
    {
        using var dir = new TempDir();
        var path = await WriteJournalAsync(dir, [.. Valid, Fill("zz", "f9", 1m)]);

        var (code, output, _) = await CliRunner.RunAsync("audit", "--journal", path, "--format", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("orders").GetArrayLength());
        Assert.Equal(2, root.GetProperty("fills").GetArrayLength());
        var violation = Assert.Single(root.GetProperty("violations").EnumerateArray());
        Assert.Equal("zz", violation.GetProperty("clientOrderId").GetString());
        Assert.Equal("OrderFilled", violation.GetProperty("event").GetString());
        Assert.Equal(2m, root.GetProperty("summary").GetProperty("volumeBySymbol").GetProperty("BTC/USDT").GetDecimal());
    }

    [Fact]
    public async Task The_login_filter_leaves_other_logins_out()
    {
        using var dir = new TempDir();
        var path = await WriteJournalAsync(dir, Valid);

        var (code, output, _) = await CliRunner.RunAsync("audit", "--journal", path, "--login", "someone-else");

        Assert.Equal(0, code);
        Assert.Contains("Summary: 0 events, 0 orders, 0 fills", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_journal_is_an_error_not_an_empty_audit()
    {
        using var dir = new TempDir();

        var (code, _, error) = await CliRunner.RunAsync("audit", "--journal", dir.File("missing.db"));

        Assert.Equal(1, code);
        Assert.Contains("no journal at", error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("missing.db")));
    }

    [Fact]
    public async Task A_journal_written_by_the_akka_sql_plugin_is_audited_with_plugin_akka_sql()
    {
        using var dir = new TempDir();
        var path = dir.File("akka-sql.db");
        await OrderJournalFile.WriteAsync(OrderJournalFile.Sqlite(path, plugin: "akka-sql"), Valid);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path, "--plugin", "akka-sql");

        Assert.True(code == 0, error + output);
        Assert.Contains("qg-huobi a Buy 2 BTC/USDT Limit @ 100 -> Filled, filled 2", output, StringComparison.Ordinal);
        Assert.Contains("Summary: 7 events, 2 orders, 2 fills", output, StringComparison.Ordinal);
        Assert.Contains("No violations.", output, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task A_journal_on_postgresql_is_audited_with_pg()
    {
        await using var database = await PostgreSqlScratchDatabase.CreateAsync(PostgreSqlFactAttribute.ConnectionString!);
        var journal = new Engine.Persistence.Journal.JournalOptions
        {
            Database = "postgresql",
            PostgreSql = new Engine.Persistence.PostgreSql.PostgreSqlOptions { ConnectionString = database.ConnectionString },
        };
        await OrderJournalFile.WriteAsync(journal, Valid);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--pg", database.ConnectionString);

        Assert.True(code == 0, error + output);
        Assert.Contains("Summary: 7 events, 2 orders, 2 fills", output, StringComparison.Ordinal);
        Assert.Contains("No violations.", output, StringComparison.Ordinal);
    }

    /// <summary>Writes the events with the engine's Akka.Persistence plugin on SQLite, as the order book actor does.</summary>
    private static async Task<string> WriteJournalAsync(TempDir dir, IEnumerable<IOrderEvent> events)
    {
        var path = dir.File("engine.db");
        await OrderJournalFile.WriteAsync(OrderJournalFile.Sqlite(path), events);
        return path;
    }
}
