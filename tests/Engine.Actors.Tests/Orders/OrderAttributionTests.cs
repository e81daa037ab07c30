using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

/// <summary>Attribution of venue reports whose venue id the book does not know (pure: <see cref="OrderBook"/>, <see cref="OrderAttribution"/>).</summary>
public class OrderAttributionTests
{
    private static readonly ReportTerms BuyTerms = new(Btc, OrderSide.Buy, OrderType.Limit, 100m, 10m);

    private static ClientOrderId C(string id) => new(id);

    private static OrderSubmitted Order(string cid, int at = 0, decimal quantity = 10m, decimal price = 100m, OrderSide side = OrderSide.Buy) =>
        new(Login, C(cid), T0.AddSeconds(at), Btc, side, OrderType.Limit, quantity, price);

    private static OrderStatusUnknown Unknown(string cid) => new(Login, C(cid), T0.AddSeconds(5), "no reply within 5s");

    private static VenueOrderUpdate OrderReport(string vid, ReportTerms? terms, int at = 10) =>
        new(new VenueOrderId(vid), T0.AddSeconds(at), cid => new OrderAccepted(Login, cid, T0.AddSeconds(at), new VenueOrderId(vid), 10m), Terms: terms);

    private static VenueOrderUpdate FillReport(string vid, string fillId, decimal quantity, decimal price = 100m, OrderSide side = OrderSide.Buy, int at = 10) =>
        new(new VenueOrderId(vid), T0.AddSeconds(at),
            cid => new OrderPartiallyFilled(Login, cid, T0.AddSeconds(at), new VenueOrderId(vid), new FillId(fillId), price, quantity),
            Terms: new ReportTerms(Btc, side, null, null, null));

    private static OrderBook Book(params IOrderEvent[] events)
    {
        var book = new OrderBook(Login);
        foreach (var e in events)
        {
            Assert.True(book.Apply(e).ShouldPersist, e.ToString());
        }

        return book;
    }

    /// <summary>Applies what the book returns, as the actor does: each event, then the held reports it releases.</summary>
    private static List<IOrderEvent> ApplyAll(OrderBook book, IEnumerable<IOrderEvent> events)
    {
        var applied = new List<IOrderEvent>();
        var queue = new Queue<IOrderEvent>(events);
        while (queue.TryDequeue(out var e))
        {
            var before = book.Find(e.ClientOrderId)?.VenueOrderId;
            var decision = book.Apply(e);
            if (!decision.ShouldPersist)
            {
                continue;
            }

            applied.Add(decision.Event);
            if (before is null && book.Find(e.ClientOrderId)?.VenueOrderId is { } revealed)
            {
                foreach (var held in book.TakeHeld(revealed, e.ClientOrderId))
                {
                    queue.Enqueue(held);
                }
            }
        }

        return applied;
    }

    [Fact]
    public void One_candidate_adopts_the_venue_id_with_an_event_saying_it_was_inferred_and_from_what()
    {
        var book = Book(Order("a"), Unknown("a"), Order("b", price: 99m), Unknown("b"));

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.BindOrHold(OrderReport("v-7", BuyTerms))));
        var applied = ApplyAll(book, [inferred]);

        Assert.Equal(("a", "v-7", 1), (inferred.ClientOrderId.Value, inferred.VenueOrderId.Value, inferred.Candidates));
        Assert.Contains("BTC/USDT Buy Limit 10 @ 100", inferred.Reason, StringComparison.Ordinal);
        Assert.Contains("the only candidate", inferred.Reason, StringComparison.Ordinal);
        Assert.Equal([typeof(VenueOrderIdInferred), typeof(OrderAccepted)], applied.Select(e => e.GetType()));
        Assert.Equal((OrderStatus.Accepted, new VenueOrderId("v-7")), (book.Find(C("a"))!.Status, book.Find(C("a"))!.VenueOrderId));
        Assert.Equal(0, book.HeldCount);
    }

    [Fact]
    public void Several_candidates_with_identical_terms_take_the_oldest_and_say_so()
    {
        var book = Book(Order("old", at: 1), Unknown("old"), Order("young", at: 2), Unknown("young"));

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.BindOrHold(OrderReport("v-7", BuyTerms))));

        Assert.Equal(("old", 2), (inferred.ClientOrderId.Value, inferred.Candidates));
        Assert.Contains("the oldest of 2 candidates with identical terms", inferred.Reason, StringComparison.Ordinal);
        ApplyAll(book, [inferred]);
        var second = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.BindOrHold(OrderReport("v-8", BuyTerms))));
        Assert.Equal("young", second.ClientOrderId.Value);
    }

    [Theory]
    [InlineData("side", OrderSide.Sell, 100, 10)]
    [InlineData("price", OrderSide.Buy, 101, 10)]
    [InlineData("quantity", OrderSide.Buy, 100, 9)]
    public void No_candidate_holds_the_report_and_at_expiry_it_becomes_external(string differs, OrderSide side, decimal price, decimal quantity)
    {
        var book = Book(Order("a"), Unknown("a"));
        var report = OrderReport("v-7", new ReportTerms(Btc, side, OrderType.Limit, price, quantity));

        Assert.Empty(book.BindOrHold(report));
        Assert.Equal(1, book.HeldCount);

        Assert.Equal([new VenueOrderId("v-7")], book.ExpiredHeld(T0.AddMinutes(1)).ToArray());
        var events = book.ReleaseExpired(new VenueOrderId("v-7"), T0.AddMinutes(1));
        var external = Assert.IsType<ExternalOrderReported>(Assert.Single(events));
        ApplyAll(book, events);

        Assert.Equal(("ext:v-7", side, quantity, OrderStatus.Accepted), (external.ClientOrderId.Value, external.Side, external.Quantity, external.Status));
        Assert.True(book.FindByVenueId(new VenueOrderId("v-7"))!.IsExternal, differs);
        Assert.Equal(OrderStatus.Unknown, book.Find(C("a"))!.Status);
        Assert.Equal(0, book.HeldCount);
    }

    [Fact]
    public void Orders_recorded_at_the_same_instant_are_ranked_by_the_order_the_book_recorded_them_not_by_their_ids()
    {
        var book = Book(Order("o-10"), Unknown("o-10"), Order("o-2"), Unknown("o-2"));

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.BindOrHold(OrderReport("v-7", BuyTerms))));

        Assert.Equal("o-10", inferred.ClientOrderId.Value);
    }

    [Fact]
    public void An_older_order_with_the_same_terms_still_awaiting_its_reply_blocks_the_inference_until_it_has_its_id()
    {
        var book = Book(Order("a"), Order("b"), Unknown("b"));

        Assert.Empty(book.BindOrHold(OrderReport("v-7", BuyTerms)));
        Assert.Null(book.RetryHeld());

        ApplyAll(book, [new OrderAccepted(Login, C("a"), T0.AddSeconds(11), new VenueOrderId("v-6"))]);
        var inferred = Assert.IsType<VenueOrderIdInferred>(book.RetryHeld());
        Assert.Equal("b", inferred.ClientOrderId.Value);
    }

    [Fact]
    public void Once_the_order_whose_reply_will_not_come_has_its_id_reports_for_orders_awaiting_their_reply_stay_held()
    {
        var book = Book(Order("a", at: 1), Unknown("a"), Order("b", at: 2));

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.BindOrHold(OrderReport("v-7", BuyTerms))));
        ApplyAll(book, [inferred]);

        Assert.Equal("a", inferred.ClientOrderId.Value);
        Assert.Empty(book.BindOrHold(OrderReport("v-8", BuyTerms)));
        Assert.Null(book.RetryHeld());
        Assert.Equal(1, book.HeldCount);
        ApplyAll(book, [new OrderAccepted(Login, C("b"), T0.AddSeconds(11), new VenueOrderId("v-8"))]);
        Assert.Equal((OrderStatus.Accepted, new VenueOrderId("v-8")), (book.Find(C("b"))!.Status, book.Find(C("b"))!.VenueOrderId));
        Assert.Equal(0, book.HeldCount);
    }

    [Fact]
    public void An_order_cancelled_before_its_id_was_known_adopts_a_matching_report()
    {
        var book = Book(Order("a"), new OrderCancelRequested(Login, C("a"), T0.AddSeconds(1)));

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.BindOrHold(OrderReport("v-7", BuyTerms))));

        Assert.Equal("a", inferred.ClientOrderId.Value);
    }

    [Fact]
    public void A_book_restored_from_a_snapshot_still_attributes_reports_to_its_Unknown_orders()
    {
        var live = Book(Order("a"), Unknown("a"), Order("b", price: 99m));
        var restored = new OrderBook(Login);
        restored.Restore(live.Orders);

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(restored.BindOrHold(OrderReport("v-7", BuyTerms))));

        Assert.Equal("a", inferred.ClientOrderId.Value);
        ApplyAll(restored, [inferred]);
        Assert.Empty(restored.BindOrHold(OrderReport("v-8", new ReportTerms(Btc, OrderSide.Buy, OrderType.Limit, 99m, 10m))));
        Assert.Null(restored.RetryHeld());
    }

    [Fact]
    public void A_report_before_the_reply_is_held_not_guessed_and_the_reply_releases_it()
    {
        var book = Book(Order("a"));

        Assert.Empty(book.BindOrHold(OrderReport("v-7", BuyTerms)));
        Assert.Empty(book.BindOrHold(FillReport("v-7", "t-1", 4m)));

        var applied = ApplyAll(book, [new OrderAccepted(Login, C("a"), T0.AddSeconds(11), new VenueOrderId("v-7"))]);
        Assert.Equal([typeof(OrderAccepted), typeof(OrderPartiallyFilled)], applied.Select(e => e.GetType()));
        Assert.Equal(4m, book.Find(C("a"))!.FilledQuantity);
    }

    [Fact]
    public void A_report_whose_reply_never_came_is_attributed_at_expiry_to_the_order_still_awaiting_it()
    {
        var book = Book(Order("a"));
        Assert.Empty(book.BindOrHold(FillReport("v-7", "t-1", 4m)));

        var inferred = Assert.IsType<VenueOrderIdInferred>(Assert.Single(book.ReleaseExpired(new VenueOrderId("v-7"), T0.AddMinutes(1))));
        var applied = ApplyAll(book, [inferred]);

        Assert.Equal("a", inferred.ClientOrderId.Value);
        Assert.Equal([typeof(VenueOrderIdInferred), typeof(OrderPartiallyFilled)], applied.Select(e => e.GetType()));
        Assert.Equal(4m, book.Find(C("a"))!.FilledQuantity);
    }

    [Fact]
    public void When_an_order_becomes_Unknown_the_held_reports_that_match_it_are_attributed_to_it()
    {
        var book = Book(Order("a"));
        Assert.Empty(book.BindOrHold(OrderReport("v-7", BuyTerms)));
        ApplyAll(book, [Unknown("a")]);

        var inferred = Assert.IsType<VenueOrderIdInferred>(book.RetryHeld());
        ApplyAll(book, [inferred]);

        Assert.Equal((OrderStatus.Accepted, new VenueOrderId("v-7")), (book.Find(C("a"))!.Status, book.Find(C("a"))!.VenueOrderId));
    }

    [Fact]
    public void A_fill_of_different_candidates_attributes_to_none_and_becomes_external_with_its_fill()
    {
        var book = Book(Order("a", quantity: 10m), Unknown("a"), Order("b", quantity: 5m), Unknown("b"));

        Assert.Empty(book.BindOrHold(FillReport("v-7", "t-1", 2m, price: 99m)));
        var events = book.ReleaseExpired(new VenueOrderId("v-7"), T0.AddMinutes(1));
        ApplyAll(book, events);

        Assert.Equal([typeof(ExternalOrderReported), typeof(ExternalFillReported)], events.Select(e => e.GetType()));
        var external = book.FindByVenueId(new VenueOrderId("v-7"))!;
        Assert.Equal((true, 2m, OrderStatus.Filled), (external.IsExternal, external.FilledQuantity, external.Status));
        Assert.Equal(0m, book.Find(C("a"))!.FilledQuantity + book.Find(C("b"))!.FilledQuantity);
    }

    [Fact]
    public void A_fill_for_an_order_already_closed_still_counts_once()
    {
        var book = Book(Order("a"), new OrderAccepted(Login, C("a"), T0, new VenueOrderId("v-7")), new OrderCanceled(Login, C("a"), T0.AddSeconds(1), new VenueOrderId("v-7")));

        var fill = Assert.Single(book.BindOrHold(FillReport("v-7", "t-1", 4m)));
        Assert.True(book.Apply(fill).ShouldPersist);
        Assert.False(book.Decide(Assert.Single(book.BindOrHold(FillReport("v-7", "t-1", 4m)))).ShouldPersist);

        Assert.Equal((OrderStatus.Canceled, 4m), (book.Find(C("a"))!.Status, book.Find(C("a"))!.FilledQuantity));
    }

    [Fact]
    public void The_same_trade_id_on_another_symbol_is_another_trade()
    {
        var eth = new Symbol("ETH/USDT");
        var book = Book(
            Order("a"), new OrderAccepted(Login, C("a"), T0, new VenueOrderId("v-7")),
            new OrderSubmitted(Login, C("b"), T0, eth, OrderSide.Buy, OrderType.Limit, 10m, 100m), new OrderAccepted(Login, C("b"), T0, new VenueOrderId("v-8")));
        Assert.True(book.Apply(Assert.Single(book.BindOrHold(FillReport("v-7", "12345", 4m)))).ShouldPersist);

        var ethFill = new VenueOrderUpdate(new VenueOrderId("v-8"), T0.AddSeconds(10),
            cid => new OrderPartiallyFilled(Login, cid, T0.AddSeconds(10), new VenueOrderId("v-8"), new FillId("12345"), 100m, 3m),
            Terms: new ReportTerms(eth, OrderSide.Buy, null, null, null));
        var applied = book.Apply(Assert.Single(book.BindOrHold(ethFill)));

        Assert.True(applied.ShouldPersist, applied.Reason);
        Assert.Equal((4m, 3m), (book.Find(C("a"))!.FilledQuantity, book.Find(C("b"))!.FilledQuantity));
    }

    [Fact]
    public void A_self_trade_fills_the_buy_and_the_sell_under_one_trade_id()
    {
        var book = Book(
            Order("buy"), new OrderAccepted(Login, C("buy"), T0, new VenueOrderId("v-7")),
            Order("sell", side: OrderSide.Sell), new OrderAccepted(Login, C("sell"), T0, new VenueOrderId("v-8")));

        Assert.True(book.Apply(Assert.Single(book.BindOrHold(FillReport("v-7", "t-1", 4m)))).ShouldPersist);
        var sell = book.Apply(Assert.Single(book.BindOrHold(FillReport("v-8", "t-1", 4m, side: OrderSide.Sell))));

        Assert.True(sell.ShouldPersist, sell.Reason);
        Assert.Equal((4m, 4m), (book.Find(C("buy"))!.FilledQuantity, book.Find(C("sell"))!.FilledQuantity));
    }

    [Fact]
    public void Duplicate_fills_are_counted_once_per_login_even_when_bound_to_another_order()
    {
        var book = Book(Order("a"), new OrderAccepted(Login, C("a"), T0, new VenueOrderId("v-7")), Order("b"), new OrderAccepted(Login, C("b"), T0, new VenueOrderId("v-8")));
        Assert.True(book.Apply(Assert.Single(book.BindOrHold(FillReport("v-7", "t-1", 4m)))).ShouldPersist);

        var again = book.Decide(Assert.Single(book.BindOrHold(FillReport("v-8", "t-1", 4m))));

        Assert.Equal(TransitionOutcome.Ignored, again.Result!.Outcome);
        Assert.Contains("already counted on another order", again.Reason, StringComparison.Ordinal);
        var external = book.Decide(new ExternalFillReported(Login, C("b"), T0, new VenueOrderId("v-8"), new FillId("t-1"), Btc, OrderSide.Buy, 100m, 4m, null, null, Liquidity.Maker, "test"));
        Assert.False(external.ShouldPersist);
    }

    [Fact]
    public void A_client_order_id_named_by_the_venue_decides_and_no_inference_is_made()
    {
        var book = Book(Order("a"), Unknown("a"), Order("b"), Unknown("b"));
        var named = new VenueOrderUpdate(
            new VenueOrderId("v-7"), T0.AddSeconds(10), cid => new OrderAccepted(Login, cid, T0.AddSeconds(10), new VenueOrderId("v-7"), 10m), C("b"), BuyTerms);

        var bound = Assert.IsType<OrderAccepted>(Assert.Single(book.BindOrHold(named)));

        Assert.Equal("b", bound.ClientOrderId.Value);
    }

    [Fact]
    public void Replaying_inferred_and_external_events_rebuilds_the_same_book()
    {
        var live = Book(Order("a"), Unknown("a"));
        var journal = new List<IOrderEvent> { Order("a"), Unknown("a") };
        journal.AddRange(ApplyAll(live, live.BindOrHold(OrderReport("v-7", BuyTerms))));
        live.BindOrHold(FillReport("v-9", "t-9", 1m, side: OrderSide.Sell));
        journal.AddRange(ApplyAll(live, live.ReleaseExpired(new VenueOrderId("v-9"), T0.AddMinutes(1))));

        var replayed = Book([.. journal]);

        Assert.Equal(
            live.Orders.OrderBy(o => o.ClientOrderId.Value).Select(o => (o.ClientOrderId, o.VenueOrderId, o.Status, o.FilledQuantity, o.IsExternal)),
            replayed.Orders.OrderBy(o => o.ClientOrderId.Value).Select(o => (o.ClientOrderId, o.VenueOrderId, o.Status, o.FilledQuantity, o.IsExternal)));
    }
}
