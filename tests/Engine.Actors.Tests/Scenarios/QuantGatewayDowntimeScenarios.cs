using Akka.TestKit;
using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// Fills while the engine is down, against the quant gateway simulator (no order query, no fill history): the engine
/// is stopped with resting buys, the simulator's market moves through them, the engine restarts and reconciles. The
/// venue's balance is the evidence: one vanished order whose remaining quantity it explains is an inferred fill, and so are
/// several whose remaining quantities together explain it; what it cannot attribute is journaled as vanished with an
/// external balance adjustment, and the audit flags it (<see cref="DowntimeFillInference"/>).
/// </summary>
public sealed class QuantGatewayDowntimeScenarios : QuantGatewayScenarioBase
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reconciles every 5 s of engine time besides after READY, so the test is about what the reconciliation decides, not
    /// about which one does (the restart waits for a fresh READY: <see cref="RestartWhenReady"/>).
    /// </summary>
    private LoginOptions Reconciling => LoginOptions() with { ReconcileInterval = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_resting_buy_that_fills_while_the_engine_is_down_is_an_inferred_fill_after_the_restart()
    {
        var balances = Subscribe(typeof(VenueBalanceReconciled));
        var inferred = Subscribe(typeof(OrderFillInferred));
        await StartReadyAtMid(50_000m, Reconciling);
        var before = ExpectBaseline(balances);
        var buy = SubmitAccepted("downtime-1", OrderSide.Buy, 0.003m, 45_000m);
        await BookViewAsync(); // answered after every earlier write: the acknowledgement (its venue id) is journaled

        StopEngine();
        await FillAtTheVenueAsync(expectedFills: 1);
        RestartWhenReady();

        var fill = await AdvanceUntilOrExplainAsync<OrderFillInferred>(inferred);
        Assert.Equal((buy.ClientOrderId, 0.003m, 45_000m, before, before + 0.003m), (fill.ClientOrderId, fill.Quantity, fill.Price, fill.Expected, fill.Reported));
        var journal = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
        Assert.DoesNotContain(journal, e => e.Event is OrderReconciled { Status: OrderStatus.Canceled } or OrderVanished or ExternalBalanceAdjusted);
        Assert.Contains(journal, e => e.Event is OrderFilled f && f.ClientOrderId == buy.ClientOrderId && f.FillId.Value.StartsWith("inferred:", StringComparison.Ordinal));

        var report = OrderAudit.Run(journal, AuditFilter.All);
        Assert.Equal(0.003m, Assert.Single(report.Positions).Position.Quantity);
        Assert.Equal(1, report.InferredFills);
        var check = Assert.Single(report.BalanceChecks, b => b.Asset.Equals("BTC", StringComparison.OrdinalIgnoreCase));
        Assert.True(check.Holds, check.ToString());
        Assert.Equal(before + 0.003m, check.LastReported);
        Assert.DoesNotContain(report.Violations, v => v.Event is nameof(OrderVanished) or "balance");
    }

    [Fact]
    public async Task Two_identical_buys_that_fill_while_the_engine_is_down_are_both_inferred_filled_and_the_audit_is_clean()
    {
        var balances = Subscribe(typeof(VenueBalanceReconciled));
        var inferred = Subscribe(typeof(OrderFillInferred));
        await StartReadyAtMid(50_000m, Reconciling);
        var before = ExpectBaseline(balances);
        SubmitAccepted("downtime-1", OrderSide.Buy, 0.003m, 45_000m);
        SubmitAccepted("downtime-2", OrderSide.Buy, 0.003m, 45_000m);
        await BookViewAsync(); // answered after every earlier write: both acknowledgements (venue ids) are journaled

        StopEngine();
        await FillAtTheVenueAsync(expectedFills: 2);
        RestartWhenReady();

        // 0.006 is the remaining quantity of neither order alone but of both together, and nothing else vanished.
        var first = await AdvanceUntilOrExplainAsync<OrderFillInferred>(inferred);
        var second = await AdvanceUntilOrExplainAsync<OrderFillInferred>(inferred);
        Assert.Equal(["downtime-1", "downtime-2"], new[] { first, second }.Select(v => v.ClientOrderId.Value).Order(StringComparer.Ordinal));
        var journal = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
        Assert.DoesNotContain(journal, e => e.Event is OrderVanished or ExternalBalanceAdjusted);
        Assert.Equal((before, before + 0.006m), (first.Expected, first.Reported));

        var report = OrderAudit.Run(journal, AuditFilter.All);
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
        Assert.Equal(2, report.InferredFills);
        Assert.Equal(0.006m, Assert.Single(report.Positions).Position.Quantity);
        Assert.All(report.BalanceChecks, b => Assert.True(b.Holds, b.ToString()));
    }

    [Fact]
    public async Task A_resting_buy_whose_acknowledgement_was_not_yet_written_when_the_engine_stopped_gets_its_venue_id_back_from_the_open_orders()
    {
        var found = Subscribe(typeof(VenueOrderIdInferred));
        await StartReadyAtMid(50_000m, Reconciling);
        var buy = SubmitAccepted("unwritten-1", OrderSide.Buy, 0.003m, 45_000m);

        // The acknowledgement waits for the book's next write (OrderBookOptions.AcceptedWriteDelay, on the engine clock,
        // which stands still): the engine stops before it is written, as in a crash.
        StopEngine();
        var before = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
        Assert.DoesNotContain(before, e => e.Event is OrderAccepted);
        RestartWhenReady();

        // The order recovers as Unknown without a venue id; the venue's open orders name exactly one order with its terms.
        var inferred = await AdvanceUntilOrExplainAsync<VenueOrderIdInferred>(found);
        Assert.Equal(buy.ClientOrderId, inferred.ClientOrderId);
        var truth = AttributionScenario.Traded(await Control.GetTruthAsync());
        Assert.Equal(inferred.VenueOrderId.Value, Assert.Single(truth.Orders).OrderId);
        var view = await BookViewAsync();
        Assert.Equal((OrderStatus.Accepted, inferred.VenueOrderId), (view.Find(buy.ClientOrderId)!.Status, view.Find(buy.ClientOrderId)!.VenueOrderId));
        var report = OrderAudit.Run(await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login)), AuditFilter.All);
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
    }

    /// <summary>
    /// The next <typeparamref name="T"/> on <paramref name="probe"/>, moving engine time meanwhile (the restarted connection
    /// may still be waiting for its reconnect or READY); when none comes, fails with the journal as it is.
    /// </summary>
    private async Task<T> AdvanceUntilOrExplainAsync<T>(TestProbe probe)
    {
        try
        {
            return AdvanceUntil<T>(Step, _ => true, maxSteps: 20, probe: probe);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException or TimeoutException)
        {
            var journal = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
            throw new Xunit.Sdk.XunitException(e.Message + Environment.NewLine + string.Join(Environment.NewLine, journal.Select(j => $"#{j.SequenceNr} {j.Event}")));
        }
    }

    /// <summary>Starts the engine again and waits for the new incarnation's READY (not a state change left from the first).</summary>
    private void RestartWhenReady()
    {
        while (States.HasMessages)
        {
            States.ReceiveOne(TimeSpan.Zero);
        }

        StartEngine(Reconciling);
        AdvanceUntilState(ConnectionState.Ready, Step);
    }

    /// <summary>The first BTC balance the book journaled after READY (the baseline a later difference is measured from).</summary>
    private static decimal ExpectBaseline(TestProbe balances) =>
        balances.FishForMessage<VenueBalanceReconciled>(b => b.Asset.Equals("BTC", StringComparison.OrdinalIgnoreCase), Wait).Total;

    /// <summary>Moves the simulator's market through the resting buys and waits until the venue filled them.</summary>
    private async Task FillAtTheVenueAsync(int expectedFills)
    {
        await SetMid(44_000m);
        var truth = AttributionScenario.Traded(await Control.GetTruthAsync());
        Assert.Equal((expectedFills, 0), (truth.Fills.Count, truth.OpenOrders));
    }
}
