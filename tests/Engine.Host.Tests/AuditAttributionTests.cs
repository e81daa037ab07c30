using System.Text.Json;
using Engine.Actors.Audit;
using Engine.Messages.Orders;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

/// <summary>The audit's view of attribution: external orders and fills, inferred venue ids, sessions, protocol violations.</summary>
public class AuditAttributionTests
{
    private static readonly IOrderEvent[] WithFaults =
    [
        Submit("a", quantity: 2m), Unknown("a"), Inferred("a", "v-a"), Partial("a", "f1", 1m), Fill("a", "f2", 1m),
        External("v-x", OrderSide.Sell, 0.5m), ExternalFill("v-x", "f3", 0.5m, OrderSide.Sell, 110m),
        Submit("b"), Accept("b"), Violation("b", "the report is for a Sell order but order b is a Buy order"), Cancel("b", at: 8),
        Ended("working orders cancelled", at: 9),
        Submit("c", at: 20), Unknown("c", at: 21),
    ];

    [Fact]
    public void External_fills_count_in_the_position_and_are_listed_apart_from_the_engines_own()
    {
        var report = OrderAudit.Run(OrderAuditTests.Stored(WithFaults), AuditFilter.All);

        // The one violation is the contradictory report on b: external fills and inferred venue ids are not violations.
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("b", "protocol"), (violation.ClientOrderId, violation.Event));
        Assert.Equal(["a", "b", "c"], report.Orders.Select(o => o.Final.ClientOrderId.Value));
        var external = Assert.Single(report.ExternalOrders).Final;
        Assert.Equal(("ext:v-x", OrderStatus.Filled, 0.5m), (external.ClientOrderId.Value, external.Status, external.FilledQuantity));
        Assert.Equal("f3", Assert.Single(report.ExternalFills).FillId.Value);
        Assert.Equal(2, report.Fills.Length);
        Assert.Equal(1.5m, Assert.Single(report.Positions).Position.Quantity);
        Assert.Equal(1, report.InferredVenueIds);
        Assert.Contains(report.Orders[0].Timeline, t => t.Event == nameof(VenueOrderIdInferred) && t.Detail.Contains("INFERRED", StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_end_at_a_journaled_drain_and_a_journal_without_one_ended_in_a_crash()
    {
        var report = OrderAudit.Run(OrderAuditTests.Stored(WithFaults), AuditFilter.All);

        Assert.Equal(2, report.Sessions.Length);
        Assert.Equal((true, "working orders cancelled", T0, T0.AddSeconds(9)), (report.Sessions[0].EndedInOrder, report.Sessions[0].How, report.Sessions[0].Start, report.Sessions[0].End));
        Assert.Empty(report.Sessions[0].LeftOpen);
        Assert.False(report.Sessions[1].EndedInOrder);
        Assert.Equal(T0.AddSeconds(20), report.Sessions[1].Start);
        Assert.Contains("crashed", report.Sessions[1].How, StringComparison.Ordinal);
        Assert.Equal(["c (Unknown, venue id unknown)"], report.Sessions[1].LeftOpen.ToArray());
    }

    [Fact]
    public void Protocol_violations_are_listed_per_login_with_the_raw_frame_and_shown_in_the_orders_timeline()
    {
        var report = OrderAudit.Run(OrderAuditTests.Stored(WithFaults), AuditFilter.All);

        var violation = Assert.Single(report.ProtocolViolations);
        Assert.Equal(("qg-huobi", "b", "{\"op\":\"notify\"}"), (violation.Login.Value, violation.ClientOrderId.Value, violation.RawFrame));
        Assert.Contains(report.Orders[1].Timeline, t => t.Event == nameof(VenueProtocolViolation) && t.Detail.Contains("Sell order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_has_external_orders_external_fills_sessions_and_protocol_violations()
    {
        using var dir = new TempDir();
        var path = dir.File("engine.db");
        await OrderJournalFile.WriteAsync(OrderJournalFile.Sqlite(path), WithFaults);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path, "--format", "json");

        // The contradictory report on b makes the audit unclean (exit 1); the rest of the journal is listed all the same.
        Assert.True(code == 1, error + output);
        Assert.Contains("venue protocol violation", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("clean").GetBoolean());
        Assert.Equal("ext:v-x", root.GetProperty("externalOrders")[0].GetProperty("clientOrderId").GetString());
        Assert.Equal("f3", root.GetProperty("externalFills")[0].GetProperty("fillId").GetString());
        var sessions = root.GetProperty("sessions");
        Assert.Equal(2, sessions.GetArrayLength());
        Assert.True(sessions[0].GetProperty("endedInOrder").GetBoolean());
        Assert.False(sessions[1].GetProperty("endedInOrder").GetBoolean());
        Assert.Equal("b", root.GetProperty("protocolViolations").GetProperty("qg-huobi")[0].GetProperty("clientOrderId").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("inferredVenueIds").GetInt32());
    }

    [Fact]
    public async Task A_journaled_drain_that_left_an_order_unknown_fails_the_audit_and_the_table_says_why()
    {
        using var dir = new TempDir();
        var path = dir.File("engine.db");
        await OrderJournalFile.WriteAsync(OrderJournalFile.Sqlite(path), [Submit("a"), Unknown("a"), Ended("drain timeout with 1 orders left open or unknown", at: 9)]);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", path);

        Assert.Equal(1, code);
        Assert.Contains("was left Unknown at the end of the session (drain timeout", error + output, StringComparison.Ordinal);
        Assert.Contains("left open: a (Unknown, venue id unknown)", output, StringComparison.Ordinal);
    }
}
