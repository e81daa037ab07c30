using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// A login's <c>external-orders</c> policy: another login on the same exchange account left an order resting that this
/// login never sent; this login's reconciliation finds it open, journals it as external and, under
/// <see cref="ExternalOrderPolicy.Cancel"/>, cancels it at the venue (under the default report it stays working).
/// </summary>
public sealed class QuantGatewayExternalOrderScenarios : QuantGatewayScenarioBase
{
    private static readonly LoginId Other = new("qg-other");

    [Fact]
    public async Task Under_cancel_reconciliation_journals_the_external_order_and_cancels_it_at_the_venue()
    {
        var placed = await OtherLoginPlacesARestingOrder(ExternalOrderPolicy.Cancel);

        var external = ExternalOrderId.Of(placed.VenueOrderId);
        AdvanceUntil<OrderCanceled>(TimeSpan.FromSeconds(5), c => c.Login == Login && c.ClientOrderId == external, maxSteps: 12);
        Assert.Equal(0, AttributionScenario.Traded(await Control.GetTruthAsync()).OpenOrders);
        await AwaitAssertAsync(async () =>
        {
            var journal = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
            var events = journal.Select(e => e.Event).OfType<IOrderEvent>().Where(e => e.ClientOrderId == external).ToList();
            Assert.IsType<ExternalOrderReported>(events[0]);
            Assert.Contains(events, e => e is OrderCancelRequested);
            Assert.Contains(events, e => e is OrderCanceled);
        }, Wait);
    }

    [Fact]
    public async Task Under_report_reconciliation_journals_the_external_order_and_leaves_it_working()
    {
        var placed = await OtherLoginPlacesARestingOrder(ExternalOrderPolicy.Report);

        var external = ExternalOrderId.Of(placed.VenueOrderId);
        var reported = AdvanceUntil<ExternalOrderReported>(TimeSpan.FromSeconds(5), r => r.Login == Login && r.ClientOrderId == external, maxSteps: 12);
        Assert.Contains("open_orders", reported.Reason, StringComparison.Ordinal);

        // Two more reconciliations: the order is still open at the venue and this login never asked to cancel it.
        Advance(TimeSpan.FromSeconds(25));
        var truth = AttributionScenario.Traded(await Control.GetTruthAsync());
        Assert.Equal(1, truth.OpenOrders);
        var journal = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
        Assert.DoesNotContain(journal.Select(e => e.Event).OfType<OrderCancelRequested>(), c => c.ClientOrderId == external);
    }

    /// <summary>
    /// A first engine incarnation trades the account under another login (so another order journal) and leaves a buy
    /// resting when it stops; a second one starts <see cref="ScenarioBase.Login"/> with <paramref name="policy"/> on the
    /// same account (reconciling every 10 s besides the one after READY). Returns the resting order's acceptance.
    /// </summary>
    private async Task<OrderAccepted> OtherLoginPlacesARestingOrder(ExternalOrderPolicy policy)
    {
        StartEngine(LoginOptions() with { Name = Other.Value });
        States.FishForMessage<ConnectionStateChanged>(s => s.Login == Other && s.State == ConnectionState.Ready, Wait);
        await SetMid(50_000m);
        Submit(Limit("theirs-1", OrderSide.Buy, 0.001m, 45_000m) with { Login = Other });
        var accepted = Events.FishForMessage<OrderAccepted>(a => a.Login == Other && a.ClientOrderId.Value == "theirs-1", Wait);
        StopEngine();

        StartReady(LoginOptions() with { ExternalOrders = policy, ReconcileInterval = TimeSpan.FromSeconds(10) });
        return accepted;
    }
}
