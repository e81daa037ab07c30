using Engine.Actors.Audit;
using Engine.Actors.Orders;
using Engine.Host.Audit;
using Engine.Messages.Orders;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

public class OrderAuditTests
{
    public static TheoryData<string, IOrderEvent[], string?> Cases => new()
    {
        { "fill in two parts, then a cancel", [Submit("a", quantity: 2m), Accept("a"), Partial("a", "f1", 1m), Fill("a", "f2", 1m), Submit("b"), Accept("b"), Cancel("b")], null },
        { "(d) a fill id journaled twice on one order", [Submit("a", quantity: 2m), Accept("a"), Partial("a", "f1", 1m), Partial("a", "f1", 1m)], "fill id f1 appears twice in the journal (first on order a)" },
        { "(d) one fill id on two orders", [Submit("a"), Accept("a"), Submit("b"), Accept("b"), Fill("a", "f1", 1m), Fill("b", "f1", 1m)], "order b OrderFilled: fill id f1 appears twice in the journal (first on order a)" },
        { "(a) an order left Unknown at a journaled drain", [Submit("a"), Unknown("a"), Ended("drained", at: 9)], "order a (venue id unknown) was left Unknown at the end of the session (drained)" },
        { "(a) an order left PendingCancel at a journaled drain", [Submit("a"), Accept("a"), CancelRequested("a"), Ended("drained", at: 9)], "order a (venue id v-a) was left PendingCancel at the end of the session" },
        { "(a) a crash with an Unknown order is not a violation", [Submit("a"), Unknown("a")], null },
        { "(a) a drained session with every order closed", [Submit("a"), Accept("a"), Cancel("a"), Ended("working orders cancelled", at: 9)], null },
        { "rejected order", [Submit("a"), Reject("a")], null },
        { "fill without its order", [Submit("a"), Fill("zz", "f9", 1m)], "order zz OrderFilled: fill f9 without its order" },
        { "overfill", [Submit("a", quantity: 1m), Accept("a"), Partial("a", "f1", 0.6m), Partial("a", "f2", 0.6m)], "order a OrderPartiallyFilled: fill f2 of 0.6 would make the filled quantity 1.2 exceed the order quantity 1" },
        { "forbidden transition", [Submit("a"), Reject("a"), Accept("a", at: 5)], "order a OrderAccepted:" },
        { "event before its order", [Accept("a"), Submit("a")], "order a OrderAccepted: OrderAccepted for order a, which was never recorded" },
        { "order recorded twice", [Submit("a"), Submit("a")], "order a OrderSubmitted:" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invariants(string name, IOrderEvent[] events, string? violation)
    {
        var report = OrderAudit.Run(Stored(events), AuditFilter.All);

        if (violation is null)
        {
            Assert.True(report.IsClean, name + ": " + string.Join("; ", report.Violations));
        }
        else
        {
            var found = Assert.Single(report.Violations);
            Assert.Contains(violation, found.ToString(), StringComparison.Ordinal);
            Assert.StartsWith("orders/qg-huobi#", found.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invariants_on_events_read_back_from_the_engine_plugin_through_the_audit_reader(string name, IOrderEvent[] events, string? violation)
    {
        using var dir = new TempDir();
        var journal = OrderJournalFile.Sqlite(dir.File("engine.db"));
        await OrderJournalFile.WriteAsync(journal, events);

        var read = await AuditJournalReader.ReadAsync(journal, CancellationToken.None);

        Assert.Equal(events, read.Select(e => e.Event).Cast<IOrderEvent>());
        Assert.Equal(Stored(events).Select(e => (e.PersistenceId, e.SequenceNr)), read.Select(e => (e.PersistenceId, e.SequenceNr)));
        Assert.Equal(read.Select(e => e.Ordering).Order(), read.Select(e => e.Ordering));
        var report = OrderAudit.Run(read, AuditFilter.All);
        Assert.Equal(OrderAudit.Run(Stored(events), AuditFilter.All).Violations.Select(v => v.ToString()), report.Violations.Select(v => v.ToString()));
        Assert.True(violation is null == report.IsClean, name);
    }

    [Fact]
    public void The_summary_counts_orders_by_status_fills_volume_fees_and_position()
    {
        var report = OrderAudit.Run(
            Stored([
                Submit("a", quantity: 2m), Accept("a"), Partial("a", "f1", 1m, 100m, 0.1m), Fill("a", "f2", 1m, 110m, 0.1m),
                Submit("b", OrderSide.Sell, 1m, 120m), Accept("b"), Fill("b", "f3", 1m, 120m, 0.2m),
                Submit("c"), Accept("c"), Cancel("c"),
            ]),
            AuditFilter.All);

        Assert.True(report.IsClean);
        Assert.Equal(2, report.OrdersByStatus[OrderStatus.Filled]);
        Assert.Equal(1, report.OrdersByStatus[OrderStatus.Canceled]);
        Assert.Equal(3, report.Fills.Length);
        Assert.Equal(3m, report.VolumeBySymbol["BTC/USDT"]);
        Assert.Equal(0.4m, report.FeesByAsset["USDT"]);
        var position = Assert.Single(report.Positions).Position;
        Assert.Equal(1m, position.Quantity);
        Assert.Equal(15m, position.RealisedPnl);
        var timeline = report.Orders.Single(o => o.Final.ClientOrderId.Value == "a").Timeline;
        Assert.Equal(["OrderSubmitted", "OrderAccepted", "OrderPartiallyFilled", "OrderFilled"], timeline.Select(t => t.Event));
        Assert.All(timeline, t => Assert.Equal(TransitionOutcome.Applied, t.Outcome));
    }

    [Fact]
    public void An_event_in_another_logins_stream_is_a_violation()
    {
        var report = OrderAudit.Run([new AuditedEvent(1, "orders/other", 1, Submit("a"))], AuditFilter.All);

        Assert.Contains("stored in the stream of login other", Assert.Single(report.Violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Login_and_time_filters_select_the_orders_reported()
    {
        var events = Stored([Submit("early", at: 0), Submit("late", at: 100)]);

        var windowed = OrderAudit.Run(events, new AuditFilter(new HashSet<Engine.Messages.Identifiers.LoginId>(), T0.AddSeconds(50)));
        var otherLogin = OrderAudit.Run(events, new AuditFilter(new HashSet<Engine.Messages.Identifiers.LoginId> { new("nobody") }));

        Assert.Equal("late", Assert.Single(windowed.Orders).Final.ClientOrderId.Value);
        Assert.Empty(otherLogin.Orders);
    }

    internal static IEnumerable<AuditedEvent> Stored(IEnumerable<IOrderEvent> events) =>
        events.Select((e, i) => new AuditedEvent(i + 1, OrderJournal.PersistenceIdOf(e.Login), i + 1, e));
}
