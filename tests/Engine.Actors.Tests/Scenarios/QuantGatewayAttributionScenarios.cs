using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// Lost place replies, fills before replies, repeated notifications and an outage against the quant gateway simulator,
/// which gives no client order id: reports are attributed to orders by their terms, what cannot be is external, the
/// drain leaves nothing open, and the journal equals the venue's truth fill for fill (journal on SQLite; the PostgreSQL
/// run is <see cref="QuantGatewayAttributionPostgreSqlScenarios"/>).
/// </summary>
[Collection(SoloScenarios.Name)]
public sealed class QuantGatewayAttributionScenarios : QuantGatewayAttributionScenarioBase
{
    [Theory]
    [InlineData(0.05, 11)]
    [InlineData(0.20, 12)]
    public Task A_faulty_run_of_500_orders_drains_clean_and_the_journal_equals_the_venue(double dropRate, int seed) =>
        FaultyRunDrainsCleanAsync(dropRate, seed);

    [Fact]
    public async Task A_drain_that_cannot_finish_reports_each_order_left_open_and_the_audit_flags_them()
    {
        StartReady(LoginOptions() with { DrainTimeout = TimeSpan.FromSeconds(2) });
        await SetMid(50_000m);
        for (var i = 0; i < 5; i++)
        {
            SubmitAccepted($"rest-{i}", OrderSide.Buy, 0.001m, 45_000m);
        }

        await ArmFault(FaultKind.Disconnect, "cancel_order", 0);
        var drained = Drain();

        var leftovers = Assert.Single(drained.Leftovers).Value;
        Assert.Equal(5, leftovers.Length);
        Assert.All(leftovers, l => Assert.Matches(@"^rest-\d \(Accepted, venue id \d+\)$", l));
        var report = OrderAudit.Run(await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login)), AuditFilter.All);
        Assert.False(report.IsClean);
        Assert.Equal(5, report.Violations.Count(v => v.Event == nameof(SessionEnded)));
        Assert.Equal(5, AttributionScenario.Traded(await Control.GetTruthAsync()).OpenOrders);
    }
}
