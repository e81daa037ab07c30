using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>Orders that vanish from the venue's open orders on a venue without per-order queries, judged on the balance.</summary>
public sealed class OrderBookActorDowntimeTests : OrderBookActorTestBase
{
    /// <summary>The open orders without any order; waits until the book handled them (the connection, the book's real
    /// parent, tells it the open orders and then the reconciled balances, in reply order).</summary>
    private void ReconcileWithout()
    {
        Tell(new ReconcileOpenOrders(Btc, [], Now, "open_orders after READY"));
        Orders();
    }

    private void ReportBalance(string asset, decimal total) =>
        Tell(new BalanceChanged(Login, Now, new Balance(asset, total, 0m, total), IsReconciliation: true));

    private void Baseline(decimal btc)
    {
        ReportBalance("BTC", btc);
        var first = Events.ExpectMsg<VenueBalanceReconciled>();
        Assert.Equal(("BTC", btc, (decimal?)null), (first.Asset, first.Total, first.Expected));
    }

    [Fact]
    public void A_vanished_buy_whose_remaining_quantity_the_balance_gained_is_an_inferred_fill()
    {
        StartBook();
        Baseline(2.000m);
        Place("c-1", "v-1", quantity: 0.003m, price: 45_000m);

        ReconcileWithout();
        ReportBalance("BTC", 2.003m);

        var inferred = Events.ExpectMsg<OrderFillInferred>();
        Assert.Equal(("c-1", 2.000m, 2.003m, 0.003m, 45_000m), (inferred.ClientOrderId.Value, inferred.Expected, inferred.Reported, inferred.Quantity, inferred.Price));
        Assert.Contains("no longer open", inferred.Reason, StringComparison.Ordinal);
        var fill = Events.ExpectMsg<OrderFilled>();
        Assert.Equal(("inferred:v-1", 0.003m, 45_000m), (fill.FillId.Value, fill.Quantity, fill.Price));
        Assert.Equal(2.003m, Events.ExpectMsg<VenueBalanceReconciled>().Total);
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal((OrderStatus.Filled, 0.003m), (Order("c-1").Status, Order("c-1").FilledQuantity));
        Assert.DoesNotContain(Journal(), e => e is OrderReconciled or OrderCanceled or OrderVanished);

        // The ledger, rebuilt from the journal, expects the new balance: the same balance again is nothing new.
        StopBook();
        StartBook();
        ReportBalance("BTC", 2.003m);
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_vanished_order_the_balance_does_not_explain_is_journaled_vanished_with_an_external_adjustment_never_silently_canceled()
    {
        StartBook();
        Baseline(2.000m);
        Place("c-1", "v-1", quantity: 0.003m, price: 45_000m);

        ReconcileWithout();
        ReportBalance("BTC", 2.001m);

        var vanished = Events.ExpectMsg<OrderVanished>();
        Assert.Equal(("c-1", 0.003m), (vanished.ClientOrderId.Value, vanished.Remaining));
        Assert.Contains("is not its remaining quantity", vanished.Reason, StringComparison.Ordinal);
        var closed = Events.ExpectMsg<OrderReconciled>();
        Assert.Contains("vanished without evidence", closed.Reason, StringComparison.Ordinal);
        var adjusted = Events.ExpectMsg<ExternalBalanceAdjusted>();
        Assert.Equal(("BTC", 2.000m, 2.001m, 0.001m), (adjusted.Asset, adjusted.Expected, adjusted.Reported, adjusted.Difference));
        Events.ExpectMsg<VenueBalanceReconciled>();
        Assert.Equal((OrderStatus.Canceled, 0m), (Order("c-1").Status, Order("c-1").FilledQuantity));
        Assert.Contains(Logs.Entries, e => e.Message.StartsWith("Order c-1 of login qg-1 vanished from the venue", StringComparison.Ordinal));
    }

    [Fact]
    public void A_balance_that_arrives_before_the_open_orders_of_its_round_still_decides()
    {
        StartBook();
        Baseline(2.000m);
        Place("c-1", "v-1", quantity: 0.003m, price: 45_000m);

        ReportBalance("BTC", 2.003m);
        Assert.Equal((2.003m, (decimal?)2.000m), Events.ExpectMsg<VenueBalanceReconciled>() is var r ? (r.Total, r.Expected) : default);
        ReconcileWithout();

        Assert.Equal(0.003m, Events.ExpectMsg<OrderFillInferred>().Quantity);
        Assert.Equal("inferred:v-1", Events.ExpectMsg<OrderFilled>().FillId.Value);
        Events.ExpectMsg<VenueBalanceReconciled>();
        Assert.Equal(OrderStatus.Filled, Order("c-1").Status);
    }

    [Fact]
    public void Two_vanished_orders_the_difference_fits_equally_are_both_vanished()
    {
        StartBook();
        Baseline(1m);
        Place("c-1", "v-1", quantity: 0.5m);
        Place("c-2", "v-2", quantity: 0.5m);

        ReconcileWithout();
        ReportBalance("BTC", 1.5m);

        Assert.Equal("c-1", Events.ExpectMsg<OrderVanished>().ClientOrderId.Value);
        Events.ExpectMsg<OrderReconciled>();
        Assert.Equal("c-2", Events.ExpectMsg<OrderVanished>().ClientOrderId.Value);
        Events.ExpectMsg<OrderReconciled>();
        Assert.Equal(0.5m, Events.ExpectMsg<ExternalBalanceAdjusted>().Difference);
        Events.ExpectMsg<VenueBalanceReconciled>();
        Assert.DoesNotContain(Journal(), e => e is OrderFillInferred);
    }

    [Fact]
    public void Without_an_earlier_balance_in_the_journal_a_vanished_order_is_vanished()
    {
        StartBook();
        Place("c-1", "v-1", quantity: 0.003m, price: 45_000m);

        ReconcileWithout();
        ReportBalance("BTC", 2.003m);

        Assert.Contains("holds no earlier BTC balance", Events.ExpectMsg<OrderVanished>().Reason, StringComparison.Ordinal);
        Events.ExpectMsg<OrderReconciled>();
        Events.ExpectMsg<VenueBalanceReconciled>();
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void An_unknown_sell_whose_place_reply_died_with_the_session_is_inferred_filled_with_the_vanished_buy_of_its_quote()
    {
        StartBook();
        Baseline(2.000m);
        Place("c-b", "v-b", quantity: 0.001m, price: 49_900m);
        Tell(Limit("c-s", 0.001m, 49_950m, side: OrderSide.Sell));
        Connection.ExpectMsg<SendPlace>(p => p.Order.ClientOrderId.Value == "c-s");
        Events.ExpectMsg<OrderSubmitted>();
        Orders();

        // The node dies before the place reply: the next incarnation records the sell Unknown.
        StopBook();
        StartBook();
        Assert.Equal("c-s", Events.ExpectMsg<OrderStatusUnknown>().ClientOrderId.Value);
        ReconcileWithout();
        ReportBalance("BTC", 2.000m);

        Assert.Equal("c-b", Events.ExpectMsg<OrderFillInferred>().ClientOrderId.Value);
        Assert.Equal("inferred:v-b", Events.ExpectMsg<OrderFilled>().FillId.Value);
        Assert.Equal("c-s", Events.ExpectMsg<OrderFillInferred>().ClientOrderId.Value);
        var sold = Events.ExpectMsg<OrderFilled>();
        Assert.Equal(("inferred:cid:c-s", "unknown:c-s", 0.001m, 49_950m), (sold.FillId.Value, sold.VenueOrderId.Value, sold.Quantity, sold.Price));
        Events.ExpectMsg<VenueBalanceReconciled>();
        Assert.Equal((OrderStatus.Filled, OrderStatus.Filled), (Order("c-b").Status, Order("c-s").Status));
        Assert.DoesNotContain(Journal(), e => e is OrderVanished or ExternalBalanceAdjusted);
    }

    [Fact]
    public void An_unknown_order_of_the_current_session_is_not_judged()
    {
        StartBook();
        Baseline(2.000m);
        Submit("c-1", quantity: 0.001m);
        Tell(new PlaceOutcome(new ClientOrderId("c-1"), null, "timed out", Now));
        Events.ExpectMsg<OrderStatusUnknown>();

        ReconcileWithout();
        ReportBalance("BTC", 2.000m);

        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(OrderStatus.Unknown, Order("c-1").Status);
    }

    [Fact]
    public void A_fill_reported_by_status_whose_fill_report_died_with_the_session_is_inferred_in_the_next_one()
    {
        StartBook();
        Baseline(2.000m);
        Place("c-1", "v-1", quantity: 0.003m, price: 45_000m);
        Report(StatusReport("v-1", OrderStatus.Filled, 0.003m, 0m));
        Events.ExpectMsg<OrderStatusReported>();

        // In the same session the fill report may still come: nothing is inferred.
        ReconcileWithout();
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        StopBook();
        StartBook();
        ReconcileWithout();

        var inferred = Events.ExpectMsg<OrderFillInferred>();
        Assert.Equal(("c-1", 0.003m, 45_000m), (inferred.ClientOrderId.Value, inferred.Quantity, inferred.Price));
        var fill = Events.ExpectMsg<OrderFilled>();
        Assert.Equal(("inferred:v-1:0.003", 0.003m), (fill.FillId.Value, fill.Quantity));
        Assert.Equal((OrderStatus.Filled, 0.003m), (Order("c-1").Status, Order("c-1").FilledQuantity));

        // The balance that shows the fill is then what the journal expects.
        ReportBalance("BTC", 2.003m);
        Assert.Equal((2.003m, (decimal?)2.003m), Events.ExpectMsg<VenueBalanceReconciled>() is var r ? (r.Total, r.Expected) : default);
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain(Journal(), e => e is ExternalBalanceAdjusted);
    }
}
