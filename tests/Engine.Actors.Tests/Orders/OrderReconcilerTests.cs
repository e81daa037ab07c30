using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

public class OrderReconcilerTests
{
    private static readonly DateTimeOffset Now = T0.AddMinutes(5);

    private static OpenOrder Listed(string vid, decimal remaining, OrderStatus status = OrderStatus.Accepted, decimal quantity = 10m, decimal price = 100m) =>
        new(new VenueOrderId(vid), null, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, price, quantity, remaining, status, null, null);

    private static OrderBook BookWithAccepted()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());
        return book;
    }

    private static ReconcileOutcome Reconcile(OrderBook book, params OpenOrder[] open)
    {
        var outcome = OrderReconciler.Reconcile(book, Btc, open, Now, "open_orders after READY");
        foreach (var e in outcome.Events)
        {
            Assert.True(book.Apply(e).ShouldPersist, $"{e} was not applied");
        }

        return outcome;
    }

    [Fact]
    public void Listed_order_in_line_produces_nothing()
    {
        var outcome = Reconcile(BookWithAccepted(), Listed("v-1", 10m));
        Assert.Empty(outcome.Events);
        Assert.Empty(outcome.Foreign);
    }

    [Fact]
    public void Listed_order_with_fills_the_book_missed_becomes_partially_filled()
    {
        var book = BookWithAccepted();
        Reconcile(book, Listed("v-1", 6m, OrderStatus.PartiallyFilled));
        Assert.Equal((OrderStatus.PartiallyFilled, 4m), (book.Find(Cid)!.Status, book.Find(Cid)!.VenueFilledQuantity));
    }

    [Fact]
    public void Known_order_missing_from_the_list_whose_fills_cover_it_is_closed_as_Filled()
    {
        var book = BookWithAccepted();
        book.Apply(Report(OrderStatus.PartiallyFilled, 0m));

        var outcome = Reconcile(book);
        Assert.Equal(OrderStatus.Filled, book.Find(Cid)!.Status);
        Assert.Empty(outcome.Vanished);
    }

    [Fact]
    public void Known_order_missing_from_the_list_is_never_guessed_Canceled_but_returned_as_vanished()
    {
        var book = BookWithAccepted();
        book.Apply(Report(OrderStatus.PartiallyFilled, 6m));

        var outcome = Reconcile(book);

        Assert.Empty(outcome.Events);
        Assert.Equal([Cid], outcome.Vanished.Select(o => o.ClientOrderId));
        Assert.Equal(OrderStatus.PartiallyFilled, book.Find(Cid)!.Status);
    }

    [Fact]
    public void Unknown_order_without_venue_id_adopts_its_unique_match()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(new OrderStatusUnknown(Login, Cid, T0, "place_order timed out"));

        var outcome = Reconcile(book, Listed("v-7", 10m), Listed("v-8", 1m, quantity: 1m));
        Assert.Equal(OrderStatus.Accepted, book.Find(Cid)!.Status);
        Assert.Equal(new VenueOrderId("v-7"), book.Find(Cid)!.VenueOrderId);
        Assert.Equal(["v-8"], outcome.Foreign.Select(o => o.VenueOrderId.Value));
        Assert.Empty(outcome.Unresolved);
    }

    [Fact]
    public void An_absent_match_leaves_the_order_unknown()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(new OrderStatusUnknown(Login, Cid, T0, "place_order timed out"));

        Assert.Equal([Cid], Reconcile(book, Listed("v-8", 10m, quantity: 1m)).Unresolved.ToArray());
        Assert.Equal([Cid], Reconcile(book).Unresolved.ToArray());
        Assert.Equal(OrderStatus.Unknown, book.Find(Cid)!.Status);
    }

    [Fact]
    public void Several_listed_orders_with_identical_terms_are_interchangeable_the_earliest_is_adopted_and_the_rest_is_foreign()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(new OrderStatusUnknown(Login, Cid, T0, "place_order timed out"));

        var outcome = Reconcile(book, Listed("v-8", 10m), Listed("v-7", 10m));

        var adopted = Assert.IsType<OrderReconciled>(Assert.Single(outcome.Events));
        Assert.Contains("the earliest of 2 listed orders with identical terms", adopted.Reason, StringComparison.Ordinal);
        Assert.Equal(["v-7", "v-8"], new[] { adopted.VenueOrderId!.Value.Value, Assert.Single(outcome.Foreign).VenueOrderId.Value }.Order(StringComparer.Ordinal));
        Assert.Empty(outcome.Unresolved);
    }

    [Fact]
    public void Order_awaiting_its_place_reply_is_left_alone_and_an_open_order_that_may_be_it_is_not_foreign()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());

        // v-7 has its terms (its reply may still name it); v-8 has other terms; v-9 has the same terms, but one awaiting
        // order can account for one open order only.
        var outcome = Reconcile(book, Listed("v-7", 10m), Listed("v-8", 1m, quantity: 1m), Listed("v-9", 10m));

        Assert.Empty(outcome.Events);
        Assert.Empty(outcome.Unresolved);
        Assert.Equal(["v-8", "v-9"], outcome.Foreign.Select(o => o.VenueOrderId.Value).Order(StringComparer.Ordinal));
        Assert.Equal(OrderStatus.Submitted, book.Find(Cid)!.Status);
    }

    [Fact]
    public void Pending_cancel_stays_pending_while_listed()
    {
        var book = BookWithAccepted();
        book.Apply(new OrderCancelRequested(Login, Cid, T0));
        Assert.Empty(Reconcile(book, Listed("v-1", 10m)).Events);
        Assert.Equal(OrderStatus.PendingCancel, book.Find(Cid)!.Status);
    }

    [Fact]
    public void Listed_order_the_book_believes_finished_is_reported_as_foreign()
    {
        var book = BookWithAccepted();
        book.Apply(new OrderCanceled(Login, Cid, T0, Vid, 10m));
        Assert.Single(Reconcile(book, Listed("v-1", 10m)).Foreign);
    }

    [Fact]
    public void Other_symbols_are_untouched()
    {
        var book = new OrderBook(Login);
        book.Apply(new OrderSubmitted(Login, Cid, T0, new Symbol("ETH/USDT"), OrderSide.Buy, OrderType.Limit, 1m, 1m));
        book.Apply(Accepted());
        Assert.Empty(Reconcile(book).Events);
    }
}
