using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookActorReportTests : OrderBookActorTestBase
{
    [Fact]
    public void Fills_are_persisted_published_and_counted()
    {
        StartBook();
        Place("c-1", "v-1", quantity: 2m);

        Report(FillReport("v-1", "f-1", 0.5m));
        Report(FillReport("v-1", "f-2", 1.5m, price: 99m));

        Assert.Equal(new FillId("f-1"), Events.ExpectMsg<OrderPartiallyFilled>().FillId);
        Assert.Equal(new FillId("f-2"), Events.ExpectMsg<OrderFilled>().FillId);
        var order = Order("c-1");
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(2m, order.FilledQuantity);
        Assert.Equal(99.25m, order.AveragePrice);
    }

    [Fact]
    public void Reports_before_the_place_reply_are_held_and_attached_after_it_in_order()
    {
        StartBook();
        Submit("c-1", quantity: 2m);

        Report(StatusReport("v-1", OrderStatus.Accepted, 2m, 2m), FillReport("v-1", "f-1", 0.5m));

        Assert.Equal(2, Orders().HeldReports);
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        Tell(Placed("c-1", "v-1"));

        Events.ExpectMsg<OrderAccepted>();
        Events.ExpectMsg<OrderPartiallyFilled>(f => f.ClientOrderId.Value == "c-1" && f.FillId.Value == "f-1");
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        var view = Orders();
        Assert.Equal(0, view.HeldReports);
        Assert.Equal(OrderStatus.PartiallyFilled, view.Find(new ClientOrderId("c-1"))!.Status);
        Assert.Equal(
            [typeof(OrderSubmitted), typeof(OrderAccepted), typeof(OrderPartiallyFilled)],
            Journal().Select(e => e.GetType()));
    }

    [Fact]
    public void Duplicate_fills_and_duplicate_order_updates_are_neither_persisted_nor_published()
    {
        StartBook();
        Place("c-1", "v-1", quantity: 2m);
        Report(FillReport("v-1", "f-1", 0.5m), StatusReport("v-1", OrderStatus.PartiallyFilled, 2m, 1.5m));
        Events.ExpectMsg<OrderPartiallyFilled>();
        Events.ExpectMsg<OrderStatusReported>();
        var journaled = Journal().Count;

        Report(FillReport("v-1", "f-1", 0.5m), StatusReport("v-1", OrderStatus.PartiallyFilled, 2m, 1.50m));
        Report(FillReport("v-1", "f-1", 0.5m));

        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(journaled, Journal().Count);
        Assert.Equal(0.5m, Order("c-1").FilledQuantity);
    }

    [Fact]
    public void An_overfill_is_rejected_for_its_order_journaled_as_a_protocol_violation_and_the_order_reconciled()
    {
        StartBook();
        Place("c-1", "v-1", quantity: 1m);
        var journaled = Journal().Count;

        Report(FillReport("v-1", "f-1", 5m));

        var violation = Events.ExpectMsg<VenueProtocolViolation>();
        Assert.Equal(("c-1", "OrderPartiallyFilled"), (violation.ClientOrderId.Value, violation.Report));
        Assert.Contains("overfill", violation.Reason, StringComparison.Ordinal);
        Assert.Equal(journaled + 1, Journal().Count);
        Assert.Equal(0m, Order("c-1").FilledQuantity);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Venue protocol violation on order c-1 of login qg-1", StringComparison.Ordinal));
        Connection.FishForMessage(m => m is Engine.Actors.Orders.Protocol.ResolutionNeeded r && r.Symbols.Contains(new Symbol("BTC/USDT")));
    }

    [Fact]
    public void Held_reports_that_match_no_order_become_external_at_expiry_and_are_never_dropped()
    {
        StartBook();
        Submit("c-1");
        Report(FillReport("v-9", "f-1", 0.5m));
        Assert.Equal(1, Orders().HeldReports);

        Advance(Options.HeldReportTimeout);

        var external = Events.ExpectMsg<ExternalOrderReported>();
        Assert.Equal(("ext:v-9", "v-9"), (external.ClientOrderId.Value, external.VenueOrderId.Value));
        var fill = Events.ExpectMsg<ExternalFillReported>();
        Assert.Equal(("f-1", 0.5m), (fill.FillId.Value, fill.Quantity));
        AwaitAssert(() => Assert.Equal(0, Orders().HeldReports));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("External order v-9 on login qg-1", StringComparison.Ordinal));
        // A reply later than the hold names the venue id: the order takes it, and the fill stays counted once, as external.
        Tell(Placed("c-1", "v-9"));
        Events.ExpectMsg<OrderAccepted>();
        Report(FillReport("v-9", "f-1", 0.5m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0m, Order("c-1").FilledQuantity);
        Assert.Equal(0.5m, Orders().Orders.Single(o => o.IsExternal).FilledQuantity);
    }

    [Fact]
    public void A_venue_id_inferred_for_one_of_several_identical_unknown_orders_is_given_to_that_order_only()
    {
        StartBook();
        var cids = new[] { "c-1", "c-2", "c-3" };
        foreach (var cid in cids)
        {
            Submit(cid);
        }

        foreach (var cid in cids)
        {
            Tell(new PlaceOutcome(new ClientOrderId(cid), null, "request timed out", Now));
            Events.ExpectMsg<OrderStatusUnknown>(e => e.ClientOrderId.Value == cid);
        }

        // Two reports of one venue order whose place reply was lost: its status (with its terms) and a fill.
        var terms = new ReportTerms(Btc, OrderSide.Buy, OrderType.Limit, 100m, 1m);
        Report(
            StatusReport("v-1", OrderStatus.Accepted, 1m, 1m) with { Terms = terms },
            FillReport("v-1", "f-1", 0.25m) with { Terms = terms });

        var inferred = Events.ExpectMsg<VenueOrderIdInferred>();
        Assert.Equal(("c-1", "v-1"), (inferred.ClientOrderId.Value, inferred.VenueOrderId.Value));
        Events.FishForMessage(m => m is OrderPartiallyFilled f && f.FillId.Value == "f-1");
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var view = Orders();
        Assert.Equal(0, view.HeldReports);
        Assert.Equal(0.25m, Order("c-1").FilledQuantity);
        Assert.All(new[] { "c-2", "c-3" }, cid => Assert.Equal((OrderStatus.Unknown, (VenueOrderId?)null), (Order(cid).Status, Order(cid).VenueOrderId)));
        Assert.Single(Journal().OfType<VenueOrderIdInferred>());
    }
}
