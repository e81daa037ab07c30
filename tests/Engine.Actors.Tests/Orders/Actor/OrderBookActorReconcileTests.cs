using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookActorReconcileTests : OrderBookActorTestBase
{
    private static OpenOrder Open(string vid, decimal quantity = 1m, decimal price = 100m, decimal remaining = 1m, OrderStatus status = OrderStatus.Accepted) =>
        new(new VenueOrderId(vid), null, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, price, quantity, remaining, status, null, null);

    private void Reconcile(params OpenOrder[] open) => Tell(new ReconcileOpenOrders(Btc, [.. open], Now, "open_orders after READY"));

    private void MakeUnknown(string cid)
    {
        Tell(new PlaceOutcome(new ClientOrderId(cid), null, "request timed out", Now));
        Events.ExpectMsg<OrderStatusUnknown>();
        Connection.ExpectMsg<ResolutionNeeded>();
    }

    [Fact]
    public void An_Unknown_order_listed_by_the_venue_becomes_working_with_its_venue_id()
    {
        StartBook();
        Submit("c-1", quantity: 2m);
        MakeUnknown("c-1");

        Reconcile(Open("v-7", quantity: 2m, remaining: 1.5m, status: OrderStatus.PartiallyFilled));

        var reconciled = Events.ExpectMsg<OrderReconciled>();
        Assert.Equal(new VenueOrderId("v-7"), reconciled.VenueOrderId);
        var order = Order("c-1");
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(new VenueOrderId("v-7"), order.VenueOrderId);
        Assert.IsType<OrderReconciled>(Journal()[^1]);
    }

    [Fact]
    public void A_working_order_missing_from_the_open_orders_waits_for_the_balance_instead_of_being_guessed_Canceled()
    {
        StartBook();
        Place("c-1", "v-1");
        Place("c-2", "v-2");

        Reconcile(Open("v-2"));

        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(OrderStatus.Accepted, Order("c-1").Status);
        Assert.Equal(OrderStatus.Accepted, Order("c-2").Status);
        Assert.Contains(Logs.Entries, e => e.Message.StartsWith("Order c-1 of login qg-1 (venue id v-1, BTC/USDT) is no longer open", StringComparison.Ordinal));
    }

    [Fact]
    public void An_Unknown_order_that_stays_unmatched_remains_Unknown_and_the_unmatched_open_order_is_external()
    {
        StartBook();
        Submit("c-1");
        MakeUnknown("c-1");
        var journaled = Journal().Count;

        Reconcile(Open("v-8", quantity: 3m));

        var external = Events.ExpectMsg<ExternalOrderReported>();
        Assert.Equal(("ext:v-8", 3m, OrderStatus.Accepted), (external.ClientOrderId.Value, external.Quantity, external.Status));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(OrderStatus.Unknown, Order("c-1").Status);
        Assert.Equal(journaled + 1, Journal().Count);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Open order v-8 in BTC/USDT on login qg-1 is not a working order", StringComparison.Ordinal));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message == "Order c-1 of login qg-1 is still unknown after reconciling BTC/USDT");

        Reconcile(Open("v-8", quantity: 3m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(journaled + 1, Journal().Count);
    }

    [Fact]
    public void A_cancel_requested_while_the_order_was_Unknown_is_sent_once_reconciliation_finds_it()
    {
        StartBook();
        Submit("c-1");
        Tell(new CancelOrder(Login, new ClientOrderId("c-1"), Now));
        Events.ExpectMsg<OrderCancelRequested>();
        MakeUnknown("c-1");

        Reconcile(Open("v-5"));

        var send = Connection.ExpectMsg<SendCancel>();
        Assert.Equal([new CancelTarget(new ClientOrderId("c-1"), new VenueOrderId("v-5"))], send.Orders.ToArray());
        Events.ExpectMsg<OrderReconciled>();
        Events.ExpectMsg<OrderCancelRequested>();
        Assert.Equal(OrderStatus.PendingCancel, Order("c-1").Status);
    }
}
