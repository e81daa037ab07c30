using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookActorCancelTests : OrderBookActorTestBase
{
    private static CancelOrder Cancel(string cid) => new(Login, new ClientOrderId(cid), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Canceling_a_working_order_journals_the_request_before_SendCancel()
    {
        List<object>? journalAtSend = null;
        Inspect = m =>
        {
            if (m is SendCancel)
            {
                journalAtSend = Journal();
            }
        };
        StartBook();
        Place("c-1", "v-1");

        Tell(Cancel("c-1"));

        var send = Connection.ExpectMsg<SendCancel>();
        Assert.Equal(Btc, send.Symbol);
        Assert.Equal([new CancelTarget(new ClientOrderId("c-1"), new VenueOrderId("v-1"))], send.Orders.ToArray());
        Assert.IsType<OrderCancelRequested>(journalAtSend![^1]);
        Events.ExpectMsg<OrderCancelRequested>();
        Assert.Equal(OrderStatus.PendingCancel, Order("c-1").Status);

        Report(StatusReport("v-1", OrderStatus.Canceled, 1m, 1m));
        Events.ExpectMsg<OrderStatusReported>();
        Assert.Equal(OrderStatus.Canceled, Order("c-1").Status);
    }

    [Theory]
    [InlineData("c-404", "login qg-1 has no order c-404")]
    [InlineData("c-1", "order c-1 is already Rejected")]
    public void Canceling_an_unknown_or_finished_order_is_refused_and_nothing_is_sent(string cid, string reason)
    {
        StartBook();
        Submit("c-1");
        Tell(new PlaceOutcome(new ClientOrderId("c-1"), new RequestRefusedReply("no"), null, Now));
        Events.ExpectMsg<OrderRejected>();

        Tell(Cancel(cid));

        var refused = Strategy.ExpectMsg<CancelRejected>();
        Assert.Equal(reason, refused.Reason);
        Assert.Equal(refused, Events.ExpectMsg<CancelRejected>());
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.DoesNotContain(Journal(), e => e is CancelRejected or OrderCancelRequested);
    }

    [Fact]
    public void Canceling_an_order_of_another_login_is_refused()
    {
        StartBook();
        Place("c-1", "v-1");

        Tell(new CancelOrder(new LoginId("someone-else"), new ClientOrderId("c-1"), Now));

        Assert.Equal("order c-1 is for login someone-else but this order book belongs to login qg-1", Strategy.ExpectMsg<CancelRejected>().Reason);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(OrderStatus.Accepted, Order("c-1").Status);
    }

    [Fact]
    public void Cancel_all_with_nothing_working_sends_nothing()
    {
        StartBook();
        Place("c-1", "v-1");
        Report(FillReport("v-1", "f-1", 1m));
        Events.ExpectMsg<OrderFilled>();

        Tell(new CancelAllOrders(Login, Now));

        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void A_cancel_before_the_venue_id_is_known_is_recorded_and_sent_once_the_place_reply_reveals_it()
    {
        StartBook();
        Submit("c-1");

        Tell(Cancel("c-1"));

        Events.ExpectMsg<OrderCancelRequested>();
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(OrderStatus.PendingCancel, Order("c-1").Status);

        Tell(Placed("c-1", "v-1"));

        var send = Connection.ExpectMsg<SendCancel>();
        Assert.Equal([new CancelTarget(new ClientOrderId("c-1"), new VenueOrderId("v-1"))], send.Orders.ToArray());
        Events.ExpectMsg<OrderAccepted>();
        Assert.Equal(OrderStatus.PendingCancel, Order("c-1").Status);
    }

    [Fact]
    public void A_cancel_waiting_for_a_venue_id_is_dropped_when_the_placement_is_refused()
    {
        StartBook();
        Submit("c-1");
        Tell(Cancel("c-1"));
        Events.ExpectMsg<OrderCancelRequested>();

        Tell(new PlaceOutcome(new ClientOrderId("c-1"), new RequestRefusedReply("no"), null, Now));

        Events.ExpectMsg<OrderRejected>();
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(OrderStatus.Rejected, Order("c-1").Status);
    }

    [Fact]
    public void Cancel_all_sends_one_SendCancel_per_symbol_and_skips_orders_already_pending()
    {
        StartBook();
        Place("c-1", "v-1");
        Place("c-2", "v-2", symbol: Eth);
        Place("c-3", "v-3");
        Place("c-4", "v-4");
        Tell(Cancel("c-4"));
        Connection.ExpectMsg<SendCancel>();

        Tell(new CancelAllOrders(Login, DateTimeOffset.UnixEpoch));

        var sends = new[] { Connection.ExpectMsg<SendCancel>(), Connection.ExpectMsg<SendCancel>() }.ToDictionary(s => s.Symbol);
        Assert.Equal(["c-1", "c-3"], sends[Btc].Orders.Select(t => t.ClientOrderId.Value));
        Assert.Equal(["c-2"], sends[Eth].Orders.Select(t => t.ClientOrderId.Value));
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.All(Orders().Working, o => Assert.Equal(OrderStatus.PendingCancel, o.Status));
    }

    [Fact]
    public void Cancel_all_for_one_symbol_leaves_the_others_working()
    {
        StartBook();
        Place("c-1", "v-1");
        Place("c-2", "v-2", symbol: Eth);

        Tell(new CancelAllOrders(Login, DateTimeOffset.UnixEpoch, Eth));

        Assert.Equal(Eth, Connection.ExpectMsg<SendCancel>().Symbol);
        Assert.Equal(OrderStatus.Accepted, Order("c-1").Status);
        Assert.Equal(OrderStatus.PendingCancel, Order("c-2").Status);
    }

    [Fact]
    public void A_refused_cancel_puts_the_order_back_to_working()
    {
        StartBook();
        Place("c-1", "v-1", quantity: 2m);
        Report(FillReport("v-1", "f-1", 0.5m));
        Tell(Cancel("c-1"));
        var send = Connection.ExpectMsg<SendCancel>();

        Tell(new CancelOutcome(send, new CancelResultsReply([new CancelResult(new VenueOrderId("v-1"), false, "order is locked")], []), null, Now));

        var refused = Events.FishForMessage<CancelRejected>(_ => true);
        Assert.Equal("order is locked", refused.Reason);
        Assert.Equal(OrderStatus.PartiallyFilled, Order("c-1").Status);
        Assert.IsType<CancelRejected>(Journal()[^1]);
    }

    [Fact]
    public void A_refused_cancel_for_an_order_that_filled_meanwhile_changes_nothing()
    {
        StartBook();
        Place("c-1", "v-1");
        Tell(Cancel("c-1"));
        var send = Connection.ExpectMsg<SendCancel>();
        Report(FillReport("v-1", "f-1", 1m));
        Assert.Equal(OrderStatus.Filled, Order("c-1").Status);
        var journaled = Journal().Count;

        Tell(new CancelOutcome(send, new RequestRefusedReply("order already filled"), null, Now));

        Events.FishForMessage<CancelRejected>(_ => true);
        Assert.Equal(OrderStatus.Filled, Order("c-1").Status);
        Assert.Equal(journaled, Journal().Count);
    }

    [Fact]
    public void An_unknown_cancel_outcome_asks_for_resolution()
    {
        StartBook();
        Place("c-1", "v-1");
        Tell(Cancel("c-1"));
        var send = Connection.ExpectMsg<SendCancel>();

        Tell(new CancelOutcome(send, null, "disconnected", Now));

        Assert.Equal([Btc], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());
        Assert.Equal(OrderStatus.PendingCancel, Order("c-1").Status);
    }
}
