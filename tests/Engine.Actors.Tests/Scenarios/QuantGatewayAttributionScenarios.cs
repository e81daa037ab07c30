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
/// drain leaves nothing open, and the journal equals the venue's truth fill for fill.
/// </summary>
[Collection(SoloScenarios.Name)]
public sealed class QuantGatewayAttributionScenarios : QuantGatewayScenarioBase
{
    private const int Orders = 500;

    [Theory]
    [InlineData(0.05, 11)]
    [InlineData(0.20, 12)]
    public async Task A_faulty_run_of_500_orders_drains_clean_and_the_journal_equals_the_venue(double dropRate, int seed)
    {
        // The drain runs on virtual time, which the test moves faster than the venue answers: a long drain timeout keeps
        // the test about the drain's work, not about the machine's speed (the next test covers a drain that times out).
        await StartReadyAtMid(50_000m, LoginOptions() with { DrainTimeout = TimeSpan.FromMinutes(10) });
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DropReply, Op = "place_order", Count = 0, Probability = dropRate, Seed = seed });
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.FillsBeforeReply, Op = "place_order", Count = 0, Probability = 0.3 });
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DuplicateNotification, Op = "fill", Count = 0, Probability = 0.1 });
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DuplicateNotification, Op = "order", Count = 0, Probability = 0.1 });

        for (var i = 0; i < Orders; i++)
        {
            Submit(NextOrder(i));
        }

        await SettleAsync();

        // An exchange outage (4, 5, 2, 6): not ready, then READY and a reconciliation of everything open.
        await Control.InjectStateAsync(new StateInjection { Codes = [] });
        ExpectState(ConnectionState.Reconnecting, s => s.VenueCode == 4);
        ExpectState(ConnectionState.Ready);
        var drained = Drain();

        var truth = AttributionScenario.Traded(await Control.GetTruthAsync());
        var report = OrderAudit.Run(await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login)), AuditFilter.All);
        Assert.True(drained.IsComplete, string.Join("; ", drained.Leftovers.SelectMany(l => l.Value)) + Environment.NewLine + Diagnostics(report));
        var fills = AttributionScenario.Fills(report);
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
        Assert.Equal(truth.Fills.Select(f => f.FillId).Order(StringComparer.Ordinal), fills.Select(f => f.FillId).Order(StringComparer.Ordinal));
        Assert.Equal(truth.NetPosition.GetValueOrDefault(Btc.Value), fills.Sum(f => f.Signed));
        Assert.Equal(0, truth.OpenOrders);
        Assert.True(report.InferredVenueIds > 0, "some reports were attributed by inference");
        Assert.True(report.Sessions[^1].EndedInOrder);
        Assert.Empty(report.Sessions[^1].LeftOpen);
    }

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

    /// <summary>Half marketable (they fill at once), half resting far from the mid; buys and sells alternate.</summary>
    private SubmitOrder NextOrder(int i)
    {
        var side = i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
        var marketable = i % 4 < 2;
        var price = (marketable, side) switch
        {
            (true, OrderSide.Buy) => 51_000m,
            (true, _) => 49_000m,
            (false, OrderSide.Buy) => 45_000m,
            _ => 55_000m,
        };
        return Limit($"o-{i}", side, 0.001m, price);
    }

    /// <summary>
    /// Waits until the venue has answered or seen every order, then lets the lost replies time out (virtual time) and waits
    /// until the book has nothing awaiting a reply and no report held.
    /// </summary>
    private async Task SettleAsync()
    {
        // Every order either reached the venue or was refused (locally, or by the connection during the outage); a
        // refused order the venue also recorded is counted twice, which only ends this wait earlier.
        await AwaitAssertAsync(async () =>
        {
            var view = await BookViewAsync();
            var seen = (await Control.GetTruthAsync()).Accounts.Sum(a => a.Orders.Count);
            var refused = view.Orders.Count(o => o.Status == OrderStatus.Rejected);
            Assert.True(seen + refused >= Orders,
                $"venue {seen}, refused {refused}, book: {string.Join(", ", view.Orders.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}, held {view.HeldReports}");
        }, Wait * 8, TimeSpan.FromMilliseconds(200));

        // One virtual second at a time, each given real time to play out (the venue and the sockets run in real time).
        for (var step = 0; step < 40; step++)
        {
            Advance(TimeSpan.FromSeconds(1));
            try
            {
                await AwaitAssertAsync(
                    async () =>
                    {
                        var view = await BookViewAsync();
                        Assert.True(view.HeldReports == 0
                            && !view.Orders.Any(o => o.Status == OrderStatus.Submitted || (o.Status == OrderStatus.Unknown && o.VenueOrderId is null)));
                    },
                    TimeSpan.FromMilliseconds(300),
                    TimeSpan.FromMilliseconds(50));
                return;
            }
            catch (Xunit.Sdk.XunitException) when (step < 39)
            {
            }
        }
    }

    private static string Diagnostics(AuditReport report) =>
        $"external {report.ExternalOrders.Length}: {string.Join(" | ", report.ExternalOrders.Select(o => string.Join(", ", o.Timeline.Select(t => t.Event + " " + t.Detail))))}" + Environment.NewLine +
        string.Join(Environment.NewLine, report.Orders.Where(o => o.Final.Status == OrderStatus.Unknown).Take(3)
            .Select(o => o.Final.ClientOrderId + ": " + string.Join(", ", o.Timeline.Select(t => t.Event + " " + t.Detail))));

    private Task<OrdersView> BookViewAsync() =>
        Sys.ActorSelection($"{Connections.Path}/{Login.Value}/connection/orders").Ask<OrdersView>(GetOrders.Instance, Wait);

    private ConnectionsDrained Drain()
    {
        var answer = CreateTestProbe();
        Connections.Tell(new DrainConnections(CancelWorkingOrders: true), answer.Ref);
        return AdvanceUntil<ConnectionsDrained>(TimeSpan.FromMilliseconds(250), _ => true, maxSteps: 120, probe: answer);
    }
}
