using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

public class OrderBookTests
{
    private static VenueOrderUpdate FillUpdate(string fillId, decimal quantity, DateTimeOffset at) =>
        new(Vid, at, cid => new OrderPartiallyFilled(Login, cid, at, Vid, new FillId(fillId), 100m, quantity));

    [Fact]
    public void Reports_before_the_place_reply_are_held_and_attached_when_the_reply_arrives()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());

        Assert.Empty(book.BindOrHold(FillUpdate("f1", 4m, T0)));
        Assert.Equal(1, book.HeldCount);

        book.Apply(Accepted());
        var released = book.TakeHeld(Vid, Cid);
        Assert.Single(released);
        Assert.Equal(0, book.HeldCount);
        Assert.True(book.Apply(released[0]).ShouldPersist);

        Assert.Equal(4m, book.Find(Cid)!.FilledQuantity);
        Assert.Same(book.Find(Cid), book.FindByVenueId(Vid));
    }

    [Fact]
    public void An_inference_of_a_venue_id_that_already_names_another_order_is_refused()
    {
        var book = new OrderBook(Login);
        var other = new ClientOrderId("c-2");
        book.Apply(Submitted());
        book.Apply(Submitted(cid: other));
        book.Apply(Accepted());

        var decision = book.Decide(new VenueOrderIdInferred(Login, other, T0.AddSeconds(2), Vid, "test"));

        Assert.False(decision.ShouldPersist);
        Assert.Null(book.Find(other)!.VenueOrderId);
        Assert.Same(book.Find(Cid), book.FindByVenueId(Vid));
    }

    [Fact]
    public void Reports_for_a_known_venue_id_bind_at_once()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());

        var bound = Assert.Single(book.BindOrHold(FillUpdate("f1", 4m, T0)));
        Assert.IsType<OrderPartiallyFilled>(bound);
        Assert.Equal(Cid, bound.ClientOrderId);
    }

    [Fact]
    public void Completing_fill_is_retyped_as_filled_and_a_partial_one_as_partial()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());

        var partialAsFilled = new OrderFilled(Login, Cid, T0, Vid, new FillId("f1"), 100m, 4m);
        Assert.IsType<OrderPartiallyFilled>(book.Apply(partialAsFilled).Event);

        var last = book.Apply(Fill("f2", 6m));
        Assert.IsType<OrderFilled>(last.Event);
        Assert.Equal(OrderStatus.Filled, book.Find(Cid)!.Status);
    }

    [Fact]
    public void Decide_changes_nothing()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        var decision = book.Decide(Accepted());

        Assert.True(decision.ShouldPersist);
        Assert.Equal(OrderStatus.Submitted, book.Find(Cid)!.Status);
        Assert.Null(book.FindByVenueId(Vid));
    }

    [Fact]
    public void Duplicate_client_order_id_is_invalid()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        var again = book.Decide(Submitted());

        Assert.False(again.ShouldPersist);
        Assert.Equal(TransitionOutcome.Invalid, again.Result!.Outcome);
    }

    [Fact]
    public void Event_for_an_unknown_order_is_not_persisted()
    {
        var book = new OrderBook(Login);
        var decision = book.Decide(Accepted());

        Assert.False(decision.ShouldPersist);
        Assert.Contains("no order", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_reports_expire_by_venue_id_of_their_first_report()
    {
        var book = new OrderBook(Login);
        book.BindOrHold(FillUpdate("f1", 1m, T0));
        book.BindOrHold(new VenueOrderUpdate(new VenueOrderId("v-2"), T0.AddSeconds(10), cid => Fill("f2", 1m) with { ClientOrderId = cid }));

        Assert.Equal([Vid], book.ExpiredHeld(T0.AddSeconds(5)).ToArray());
        Assert.Equal(2, book.HeldCount);
    }

    [Fact]
    public void Working_lists_only_orders_that_may_trade()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Submitted(cid: new ClientOrderId("c-2")));
        book.Apply(new OrderRejected(Login, new ClientOrderId("c-2"), T0, "bad", IsLocal: true));

        Assert.Equal([Cid], book.Working.Select(o => o.ClientOrderId));
        Assert.Equal(2, book.Orders.Count);
    }

    [Fact]
    public void Replaying_the_persisted_events_rebuilds_the_same_book()
    {
        var live = new OrderBook(Login);
        var journal = new List<IOrderEvent>();
        IOrderEvent[] incoming =
        [
            Submitted(), Accepted(6m), Accepted(6m), Fill("f1", 4m), Fill("f1", 4m), Report(OrderStatus.PartiallyFilled, 6m),
            new OrderCancelRequested(Login, Cid, T0), Fill("f2", 6m), new OrderCanceled(Login, Cid, T0, Vid, 0m),
        ];
        foreach (var e in incoming)
        {
            var decision = live.Decide(e);
            if (decision.ShouldPersist)
            {
                journal.Add(decision.Event);
                live.Apply(decision.Event);
            }
        }

        var replayed = new OrderBook(Login);
        foreach (var e in System.Text.Json.JsonSerializer.Deserialize<List<IOrderEvent>>(System.Text.Json.JsonSerializer.Serialize(journal, JournalOptions.Instance), JournalOptions.Instance)!)
        {
            Assert.True(replayed.Apply(e).ShouldPersist);
        }

        var a = live.Find(Cid)!;
        var b = replayed.Find(Cid)!;
        Assert.Equal(6, journal.Count);
        Assert.Equal((OrderStatus.Filled, 10m, 100m), (a.Status, a.FilledQuantity, a.AveragePrice));
        Assert.Equal((a.Status, a.FilledQuantity, a.AveragePrice, a.VenueFilledQuantity, a.LastNotification), (b.Status, b.FilledQuantity, b.AveragePrice, b.VenueFilledQuantity, b.LastNotification));
        Assert.True(a.SeenFillIds.SetEquals(b.SeenFillIds));
    }
}
