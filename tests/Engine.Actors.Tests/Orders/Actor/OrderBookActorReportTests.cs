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
        Report(FillReport("v-1", "f-2", 1.5m, price: 101m));

        Assert.Equal(new FillId("f-1"), Events.ExpectMsg<OrderPartiallyFilled>().FillId);
        Assert.Equal(new FillId("f-2"), Events.ExpectMsg<OrderFilled>().FillId);
        var order = Order("c-1");
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(2m, order.FilledQuantity);
        Assert.Equal(100.75m, order.AveragePrice);
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
    public void An_invalid_report_is_not_persisted()
    {
        StartBook();
        Place("c-1", "v-1", quantity: 1m);
        var journaled = Journal().Count;

        Report(FillReport("v-1", "f-1", 5m));

        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(journaled, Journal().Count);
        Assert.Equal(0m, Order("c-1").FilledQuantity);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("order c-1 of login qg-1", StringComparison.Ordinal)
            && e.Message.Contains("exceed the order quantity", StringComparison.Ordinal));
    }

    [Fact]
    public void Held_reports_expire_after_the_timeout_and_are_not_applied_later()
    {
        StartBook();
        Submit("c-1");
        Report(FillReport("v-9", "f-1", 0.5m));
        Assert.Equal(1, Orders().HeldReports);

        Advance(Options.HeldReportTimeout);

        AwaitAssert(() => Assert.Equal(0, Orders().HeldReports));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("venue order v-9 of login qg-1 dropped", StringComparison.Ordinal));
        Tell(Placed("c-1", "v-9"));
        Events.ExpectMsg<OrderAccepted>();
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0m, Order("c-1").FilledQuantity);
    }
}
