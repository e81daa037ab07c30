using Engine.Actors.Audit;
using Engine.Actors.Orders;
using Engine.Bench.Soak;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>
/// Lost <c>order.place</c> replies (a seeded 20 %) and fills sent before the reply against the Binance simulator over
/// loopback: an order whose reply is lost is known by its client order id from its <c>executionReport</c>s (which may
/// come before the reply, or instead of it), the request timeouts that follow change nothing, the drain leaves nothing
/// open and the journal equals the venue's truth fill for fill.
/// </summary>
public sealed class BinanceAttributionScenarios : BinanceScenarioBase
{
    // Under the login's 50 orders per 10 s, so the run needs no rate-limit waits.
    private const int Orders = 40;

    [Fact]
    public async Task A_run_with_lost_place_replies_and_early_fills_drains_clean_and_the_journal_equals_the_venue()
    {
        await StartReadyAtMid(AttributionOrders.Mid, LoginOptions() with { DrainTimeout = TimeSpan.FromMinutes(10) });
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DropReply, Op = "order.place", Count = 0, Probability = 0.2, Seed = 21 });
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.FillsBeforeReply, Op = "order.place", Count = 0, Probability = 0.5, Seed = 22 });

        for (var i = 0; i < Orders; i++)
        {
            Submit(AttributionOrders.Next(Login, Btc, "bn", i, UtcNow));
        }

        await SettleAsync(Orders);

        // The lost replies' requests time out (5 s): a timeout never overrides what the reports already told.
        Advance(TimeSpan.FromSeconds(6));
        await SettleAsync(Orders);
        var drained = Drain();

        var truth = AttributionScenario.Traded(await Control.GetTruthAsync());
        var report = OrderAudit.Run(await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login)), AuditFilter.All);
        Assert.True(drained.IsComplete, string.Join("; ", drained.Leftovers.SelectMany(l => l.Value)) + Environment.NewLine + AttributionDiagnostics(report));
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
        var fills = AttributionScenario.Fills(report);
        Assert.NotEmpty(fills);
        Assert.Equal(truth.Fills.Select(f => f.FillId).Order(StringComparer.Ordinal), fills.Select(f => f.FillId).Order(StringComparer.Ordinal));
        Assert.Equal(truth.NetPosition.GetValueOrDefault(Btc.Value), fills.Sum(f => f.Signed));
        Assert.Equal(0, truth.OpenOrders);
        Assert.Equal(Orders, report.Orders.Length);
        Assert.Empty(report.ExternalOrders);
        Assert.Empty(report.Sessions[^1].LeftOpen);
    }
}
