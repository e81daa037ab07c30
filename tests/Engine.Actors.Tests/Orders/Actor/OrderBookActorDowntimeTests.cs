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
}
