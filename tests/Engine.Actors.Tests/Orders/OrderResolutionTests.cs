using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

/// <summary>Unknown outcomes resolved by client order id: binding reports, adopting the venue id, order status, reconciliation.</summary>
public class OrderResolutionTests
{
    private static readonly DateTimeOffset Now = T0.AddMinutes(5);

    private static OrderBook BookWithUnknown()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        Assert.True(book.Apply(new OrderStatusUnknown(Login, Cid, T0.AddSeconds(1), "-1007")).ShouldPersist);
        return book;
    }

    private static VenueOrderUpdate Update(string vid, Func<ClientOrderId, IOrderEvent> bind, ClientOrderId? named) =>
        new(new VenueOrderId(vid), T0.AddSeconds(2), bind, named);

    private static OrderPartiallyFilled FillOf(ClientOrderId cid, string vid, string fillId, decimal quantity) =>
        new(Login, cid, T0.AddSeconds(2), new VenueOrderId(vid), new FillId(fillId), 100m, quantity, null, null, Liquidity.Taker);

    private static OpenOrder Venue(string vid, OrderStatus status, decimal remaining, ClientOrderId? cid = null) =>
        new(new VenueOrderId(vid), cid, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 100m, 10m, remaining, status, null, null);

    [Fact]
    public void A_report_naming_the_client_order_id_binds_an_order_without_venue_id_and_teaches_it_the_id()
    {
        var book = BookWithUnknown();
        var bound = Assert.Single(book.BindOrHold(Update("v-9", cid => FillOf(cid, "v-9", "t-1", 10m), Cid)));

        Assert.Equal(0, book.HeldCount);
        Assert.True(book.Apply(bound).ShouldPersist);
        var order = book.Find(Cid)!;
        Assert.Equal((OrderStatus.Filled, new VenueOrderId("v-9"), 10m), (order.Status, order.VenueOrderId, order.FilledQuantity));
        Assert.Same(order, book.FindByVenueId(new VenueOrderId("v-9")));
    }

    [Theory]
    [InlineData("other-order", "v-9")]
    [InlineData(null, "v-9")]
    public void A_report_naming_no_order_of_the_book_is_held(string? named, string vid)
    {
        var book = BookWithUnknown();
        var update = Update(vid, cid => FillOf(cid, vid, "t-1", 1m), named is null ? null : new ClientOrderId(named));

        Assert.Empty(book.BindOrHold(update));
        Assert.Equal(1, book.HeldCount);
    }

    [Fact]
    public void A_report_naming_the_client_order_id_but_another_venue_id_is_held()
    {
        var book = BookWithUnknown();
        book.Apply(new OrderReconciled(Login, Cid, Now, Vid, OrderStatus.Accepted, 0m, "test"));

        Assert.Empty(book.BindOrHold(Update("v-other", cid => FillOf(cid, "v-other", "t-1", 1m), Cid)));
        Assert.Equal(1, book.HeldCount);
    }

    [Theory]
    [InlineData(OrderStatus.Accepted, 0, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Filled, 10, OrderStatus.Filled)]
    [InlineData(OrderStatus.Canceled, 4, OrderStatus.Canceled)]
    public void An_unknown_order_adopts_the_venue_id_and_status_the_venue_reports(OrderStatus venueStatus, int filled, OrderStatus expected)
    {
        var book = BookWithUnknown();
        var answer = new OrderStatusResolved(Cid, Venue("v-7", venueStatus, 10m - filled), null, Now, "order.status");

        var orderEvent = OrderStatusResolver.Resolve(book.Find(Cid)!, answer);
        var reconciled = Assert.IsType<OrderReconciled>(orderEvent);
        Assert.True(book.Apply(reconciled).ShouldPersist);

        var order = book.Find(Cid)!;
        Assert.Equal((expected, new VenueOrderId("v-7"), filled), (order.Status, order.VenueOrderId, order.VenueFilledQuantity));
        Assert.Equal(0m, order.FilledQuantity);
    }

    [Fact]
    public void An_unknown_order_the_venue_does_not_know_is_rejected_as_never_reaching_it()
    {
        var book = BookWithUnknown();
        var answer = new OrderStatusResolved(Cid, null, "-2013: Order does not exist.", Now, "order.status");

        var rejected = Assert.IsType<OrderRejected>(OrderStatusResolver.Resolve(book.Find(Cid)!, answer));
        Assert.Contains(OrderStatusResolver.NotFoundReason, rejected.Reason, StringComparison.Ordinal);
        Assert.False(rejected.IsLocal);
        Assert.True(book.Apply(rejected).ShouldPersist);
        Assert.Equal(OrderStatus.Rejected, book.Find(Cid)!.Status);
    }

    [Fact]
    public void An_answer_that_changes_nothing_or_names_another_venue_id_produces_nothing()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());
        var order = book.Find(Cid)!;

        Assert.Null(OrderStatusResolver.Resolve(order, new OrderStatusResolved(Cid, Venue("v-1", OrderStatus.Accepted, 10m), null, Now, "order.status")));
        Assert.Null(OrderStatusResolver.Resolve(order, new OrderStatusResolved(Cid, Venue("v-2", OrderStatus.Filled, 0m), null, Now, "order.status")));
    }

    [Fact]
    public void A_finished_order_ignores_the_answer()
    {
        var book = BookWithUnknown();
        book.Apply(new OrderRejected(Login, Cid, Now, "gone"));

        Assert.Null(OrderStatusResolver.Resolve(book.Find(Cid)!, new OrderStatusResolved(Cid, null, "-2013", Now, "order.status")));
    }

    [Fact]
    public void Reconciler_asks_about_a_partly_filled_order_missing_from_the_open_orders_when_the_venue_can_answer()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());
        book.Apply(Fill("f-1", 4m));

        var outcome = OrderReconciler.Reconcile(book, Btc, [], Now, "open_orders after READY", canQueryOrderStatus: true);

        Assert.Empty(outcome.Events);
        Assert.Equal(new[] { new OrderToResolve(Btc, Cid, Vid) }, outcome.ToQuery.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reconciler_closes_a_fully_filled_order_missing_from_the_open_orders_as_filled_either_way(bool canQuery)
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());
        book.Apply(Report(OrderStatus.PartiallyFilled, 0m));

        var outcome = OrderReconciler.Reconcile(book, Btc, [], Now, "open_orders after READY", canQuery);

        var reconciled = Assert.IsType<OrderReconciled>(Assert.Single(outcome.Events));
        Assert.Equal(OrderStatus.Filled, reconciled.Status);
        Assert.Empty(outcome.ToQuery.ToArray());
    }

    [Fact]
    public void Reconciler_asks_about_an_unknown_order_no_open_order_names_instead_of_matching_by_price()
    {
        var book = BookWithUnknown();
        var lookalike = Venue("v-5", OrderStatus.Accepted, 10m);

        var outcome = OrderReconciler.Reconcile(book, Btc, [lookalike], Now, "open_orders on resolution request", canQueryOrderStatus: true);

        Assert.Empty(outcome.Events);
        Assert.Empty(outcome.Unresolved);
        Assert.Equal(new[] { new OrderToResolve(Btc, Cid, null) }, outcome.ToQuery.ToArray());
        Assert.Equal(new[] { lookalike }, outcome.Foreign.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reconciler_adopts_the_open_order_that_names_the_unknown_orders_client_id(bool canQuery)
    {
        var book = BookWithUnknown();
        var lookalike = Venue("v-4", OrderStatus.Accepted, 10m);
        var ours = Venue("v-5", OrderStatus.PartiallyFilled, 6m, Cid);

        var outcome = OrderReconciler.Reconcile(book, Btc, [lookalike, ours], Now, "open_orders", canQuery);

        var reconciled = Assert.IsType<OrderReconciled>(Assert.Single(outcome.Events));
        Assert.Equal((new VenueOrderId("v-5"), OrderStatus.PartiallyFilled, 4m), (reconciled.VenueOrderId, reconciled.Status, reconciled.FilledQuantity));
        Assert.Empty(outcome.ToQuery.ToArray());
        Assert.Equal(new[] { lookalike }, outcome.Foreign.ToArray());
    }
}
