using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Bench.Soak;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// The attribution scenarios' arrangement against the quant gateway simulator, which gives no client order id: a
/// faulty run of <see cref="Orders"/> orders (lost place replies, fills before replies, repeated notifications, an
/// outage) that must drain clean with the journal equal to the venue's truth fill for fill, on the journal database the
/// test class chooses.
/// </summary>
public abstract class QuantGatewayAttributionScenarioBase : QuantGatewayScenarioBase
{
    protected const int Orders = 500;

    /// <param name="journal">The journal's database; a SQLite file of the test's own when null.</param>
    protected QuantGatewayAttributionScenarioBase(ScenarioJournal? journal = null)
        : base(journal)
    {
    }

    /// <summary>
    /// <see cref="Orders"/> orders with <paramref name="dropRate"/> of the place replies lost (seeded by
    /// <paramref name="seed"/>), then an outage and a drain: reports are attributed to orders by their terms, what cannot
    /// be is external, the drain leaves nothing open, and the journal equals the venue's truth fill for fill.
    /// </summary>
    protected async Task FaultyRunDrainsCleanAsync(double dropRate, int seed)
    {
        // The drain runs on virtual time, which the test moves faster than the venue answers: a long drain timeout keeps
        // the test about the drain's work, not about the machine's speed (the next test covers a drain that times out).
        await StartReadyAtMid(AttributionOrders.Mid, LoginOptions() with { DrainTimeout = TimeSpan.FromMinutes(10) });
        foreach (var rule in AttributionFaults.Mix(dropRate, seed))
        {
            await Control.AddFaultAsync(rule);
        }

        for (var i = 0; i < Orders; i++)
        {
            Submit(AttributionOrders.Next(Login, Btc, "o", i, UtcNow));
        }

        await SettleAsync(Orders);

        // An exchange outage (4, 5, 2, 6): not ready, then READY and a reconciliation of everything open.
        await Control.InjectStateAsync(new StateInjection { Codes = [] });
        ExpectState(ConnectionState.Reconnecting, s => s.VenueCode == 4);
        ExpectState(ConnectionState.Ready);
        var drained = Drain();

        var truth = AttributionScenario.Traded(await Control.GetTruthAsync());
        var report = OrderAudit.Run(await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login)), AuditFilter.All);
        Assert.True(drained.IsComplete, string.Join("; ", drained.Leftovers.SelectMany(l => l.Value)) + Environment.NewLine + AttributionDiagnostics(report));
        var fills = AttributionScenario.Fills(report);
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
        Assert.Equal(truth.Fills.Select(f => f.FillId).Order(StringComparer.Ordinal), fills.Select(f => f.FillId).Order(StringComparer.Ordinal));
        Assert.Equal(truth.NetPosition.GetValueOrDefault(Btc.Value), fills.Sum(f => f.Signed));
        Assert.Equal(0, truth.OpenOrders);
        Assert.True(report.InferredVenueIds > 0, "some reports were attributed by inference");
        Assert.True(report.Sessions[^1].EndedInOrder);
        Assert.Empty(report.Sessions[^1].LeftOpen);
    }
}
