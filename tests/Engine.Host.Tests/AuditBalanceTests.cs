using System.Text.Json;
using Engine.Actors.Audit;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

/// <summary>
/// Audit invariant (c): the first balance the venue reported plus every fill since (inferred and external included,
/// plus external adjustments) equals the last one it reported; vanished orders are violations; JSON and table show both.
/// </summary>
public class AuditBalanceTests
{
    private static VenueBalanceReconciled Balance(decimal total, int at) =>
        new(Login, ExternalOrderId.Session, T0.AddSeconds(at), "BTC", total, null, "open_orders after READY; asset at reconciliation");

    private static OrderFillInferred FillInferred(string cid, decimal quantity, int at) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId("v-" + cid), "BTC", 2m, 2m + quantity, quantity, 100m, "no longer open and BTC moved by its remaining quantity");

    private static OrderVanished Vanished(string cid, decimal remaining, int at) =>
        new(Login, new ClientOrderId(cid), T0.AddSeconds(at), new VenueOrderId("v-" + cid), remaining, "the BTC difference is not its remaining quantity");

    private static readonly IOrderEvent[] Inferred =
    [
        Balance(2m, 0), Submit("a", quantity: 0.003m, at: 1), Accept("a", at: 2), FillInferred("a", 0.003m, 3),
        Fill("a", "inferred:v-a", 0.003m, at: 3), Balance(2.003m, 3),
        External("v-x", OrderSide.Sell, 0.001m, at: 4), ExternalFill("v-x", "f9", 0.001m, OrderSide.Sell, at: 4), Balance(2.002m, 5),
    ];

    [Fact]
    public void A_balance_the_fills_explain_holds_and_inferred_fills_are_counted_and_shown()
    {
        var report = OrderAudit.Run(OrderAuditTests.Stored(Inferred), AuditFilter.All);

        Assert.True(report.IsClean, string.Join("; ", report.Violations));
        var check = Assert.Single(report.BalanceChecks);
        Assert.Equal((2m, -0.001m + 0.003m, 0m, 2.002m, true), (check.FirstReported, check.FromFills, check.Adjustments, check.LastReported, check.Holds));
        Assert.Equal(1, report.InferredFills);
        Assert.Contains(report.Orders[0].Timeline, t => t.Event == nameof(OrderFillInferred) && t.Detail.StartsWith("INFERRED fill of 0.003 @ 100", StringComparison.Ordinal));
    }

    [Fact]
    public void A_balance_the_fills_do_not_explain_fails_invariant_c()
    {
        var report = OrderAudit.Run(OrderAuditTests.Stored([Balance(2m, 0), Submit("a", quantity: 0.003m, at: 1), Accept("a", at: 2), Cancel("a", at: 3), Balance(2.003m, 5)]), AuditFilter.All);

        Assert.False(report.IsClean);
        var violation = Assert.Single(report.Violations);
        Assert.Equal("balance", violation.Event);
        Assert.Contains("(c) BTC: the venue reported 2.003 but the journal's fills give 2", violation.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(report.BalanceChecks).Holds);
    }

    [Fact]
    public void An_adjustment_explains_the_balance_but_the_vanished_order_is_a_violation()
    {
        IOrderEvent[] events =
        [
            Balance(2m, 0), Submit("a", quantity: 0.003m, at: 1), Accept("a", at: 2), Vanished("a", 0.003m, 3),
            new OrderReconciled(Login, new ClientOrderId("a"), T0.AddSeconds(3), new VenueOrderId("v-a"), OrderStatus.Canceled, 0m, "vanished without evidence (OrderVanished)"),
            new ExternalBalanceAdjusted(Login, ExternalOrderId.Session, T0.AddSeconds(3), "BTC", 2m, 2.001m, 0.001m, "no journaled fill explains 0.001"),
            Balance(2.001m, 3),
        ];

        var report = OrderAudit.Run(OrderAuditTests.Stored(events), AuditFilter.All);

        Assert.True(Assert.Single(report.BalanceChecks).Holds);
        var violation = Assert.Single(report.Violations);
        Assert.Equal((nameof(OrderVanished), "a"), (violation.Event, violation.ClientOrderId));
        Assert.Contains("vanished from the venue with 0.003 open and no evidence", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_table_show_the_balance_checks_and_a_mismatch_fails_the_audit()
    {
        using var dir = new TempDir();
        var path = dir.File("engine.db");
        await OrderJournalFile.WriteAsync(OrderJournalFile.Sqlite(path), [.. Inferred, Balance(2.5m, 9)]);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path, "--format", "json");

        Assert.True(code == 1, error + output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("clean").GetBoolean());
        var check = root.GetProperty("balanceChecks")[0];
        Assert.Equal(("BTC", 2.002m, 2.5m, false), (check.GetProperty("asset").GetString(), check.GetProperty("expected").GetDecimal(), check.GetProperty("lastReported").GetDecimal(), check.GetProperty("holds").GetBoolean()));
        Assert.Equal(1, root.GetProperty("summary").GetProperty("inferredFills").GetInt32());
        Assert.Equal("balance", root.GetProperty("violations")[0].GetProperty("event").GetString());

        (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path);

        Assert.Equal(1, code);
        Assert.Contains("balance (c) qg-huobi BTC: venue 2.5, journal 2.002 (first 2, fills 0.002, adjustments 0) MISMATCH", output, StringComparison.Ordinal);
        Assert.Contains("inferred fills: 1", output, StringComparison.Ordinal);
    }
}
