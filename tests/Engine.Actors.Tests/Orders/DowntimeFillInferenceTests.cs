using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

public class DowntimeFillInferenceTests
{
    private static readonly DateTimeOffset Now = T0.AddMinutes(5);

    private static OrderState Resting(OrderSide side, decimal quantity, decimal filled = 0m)
    {
        var book = new OrderBook(Login);
        book.Apply(new OrderSubmitted(Login, Cid, T0, Btc, side, OrderType.Limit, quantity, 100m));
        book.Apply(Accepted());
        if (filled > 0m)
        {
            book.Apply(Fill("f-1", filled));
        }

        return book.Find(Cid)!;
    }

    private static IOrderEvent[] Judge(OrderState order, decimal? expected, decimal reported) =>
        [.. DowntimeFillInference.Judge(Login, [order], "BTC", expected, reported, Now, "open_orders after READY")];

    [Fact]
    public void A_sell_whose_remaining_quantity_left_the_balance_is_inferred_filled_at_its_price()
    {
        var events = Judge(Resting(OrderSide.Sell, 10m, filled: 4m), 50m, 44m);

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        var fill = (OrderFilled)events[1];
        Assert.Equal(("inferred:v-1", 6m, 100m, (decimal?)null), (fill.FillId.Value, fill.Quantity, fill.Price, fill.Fee));
    }

    [Fact]
    public void A_buy_that_received_its_quantity_less_a_fee_in_the_base_asset_is_inferred_with_that_fee()
    {
        var events = Judge(Resting(OrderSide.Buy, 10m), 50m, 59.99m);

        var fill = Assert.IsType<OrderFilled>(events[1]);
        Assert.Equal((10m, 0.01m, "BTC"), (fill.Quantity, fill.Fee, fill.FeeAsset));
        Assert.DoesNotContain(events, e => e is ExternalBalanceAdjusted or OrderVanished);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 59.8)]
    [InlineData(OrderSide.Buy, 60.5)]
    [InlineData(OrderSide.Sell, 40.01)]
    [InlineData(OrderSide.Buy, 40)]
    public void A_difference_that_is_not_the_remaining_quantity_is_vanished_plus_an_adjustment(OrderSide side, double reported)
    {
        var events = Judge(Resting(side, 10m), 50m, (decimal)reported);

        Assert.Equal([typeof(OrderVanished), typeof(OrderReconciled), typeof(ExternalBalanceAdjusted), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        Assert.Equal((decimal)reported - 50m, ((ExternalBalanceAdjusted)events[2]).Difference);
        Assert.Equal(OrderStatus.Canceled, ((OrderReconciled)events[1]).Status);
    }

    [Fact]
    public void An_unchanged_balance_is_vanished_without_an_adjustment()
    {
        var events = Judge(Resting(OrderSide.Buy, 10m), 50m, 50m);

        Assert.Equal([typeof(OrderVanished), typeof(OrderReconciled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void Both_sides_of_a_quote_vanished_with_the_balance_unchanged_are_inferred_filled_together()
    {
        var (buy, sell) = (Order("c-b", "v-b", OrderSide.Buy), Order("c-s", "v-s", OrderSide.Sell));

        var events = DowntimeFillInference.Judge(Login, [buy, sell], "BTC", 50m, 50m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled), typeof(OrderFillInferred), typeof(OrderFilled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        Assert.Equal(["inferred:v-b", "inferred:v-s"], events.OfType<OrderFilled>().Select(f => f.FillId.Value));
        Assert.All(events.OfType<OrderFilled>(), f => Assert.Equal((10m, (decimal?)null), (f.Quantity, f.Fee)));
        Assert.Contains("bought 10 minus sold 10", ((OrderFillInferred)events[0]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_both_sides_only_the_one_the_balance_shows_is_inferred_and_the_other_is_vanished()
    {
        var (buy, sell) = (Order("c-b", "v-b", OrderSide.Buy), Order("c-s", "v-s", OrderSide.Sell));

        var events = DowntimeFillInference.Judge(Login, [buy, sell], "BTC", 50m, 60m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled), typeof(OrderVanished), typeof(OrderReconciled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        Assert.Equal("c-b", events[1].ClientOrderId.Value);
        Assert.Equal("c-s", events[2].ClientOrderId.Value);
    }

    [Fact]
    public void An_order_whose_cancel_was_requested_and_that_the_balance_does_not_show_filled_is_confirmed_canceled()
    {
        var (buy, sell) = (Order("c-b", "v-b", OrderSide.Buy, cancelRequested: true), Order("c-s", "v-s", OrderSide.Sell));

        var events = DowntimeFillInference.Judge(Login, [buy, sell], "BTC", 50m, 40m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled), typeof(OrderReconciled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        var canceled = (OrderReconciled)events[2];
        Assert.Equal(("c-b", OrderStatus.Canceled), (canceled.ClientOrderId.Value, canceled.Status));
        Assert.Contains("its cancel was requested", canceled.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_whose_cancel_was_requested_is_still_vanished_when_the_balance_moved_unexplained()
    {
        var events = DowntimeFillInference.Judge(Login, [Order("c-b", "v-b", OrderSide.Buy, cancelRequested: true)], "BTC", 50m, 53m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderVanished), typeof(OrderReconciled), typeof(ExternalBalanceAdjusted), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void Of_two_identical_buys_the_one_the_balance_shows_cannot_be_chosen_and_both_are_vanished()
    {
        var (first, second) = (Order("c-1", "v-1", OrderSide.Buy), Order("c-2", "v-2", OrderSide.Buy));

        var events = DowntimeFillInference.Judge(Login, [first, second], "BTC", 50m, 60m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderVanished), typeof(OrderReconciled), typeof(OrderVanished), typeof(OrderReconciled), typeof(ExternalBalanceAdjusted), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        Assert.Contains("so none can be chosen", ((OrderVanished)events[0]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vanished_buy_and_an_unknown_sell_whose_place_reply_died_are_inferred_filled_together_when_the_balance_is_unchanged()
    {
        var (buy, sell) = (Order("c-b", "v-b", OrderSide.Buy), Unknown("c-s", OrderSide.Sell));

        var events = DowntimeFillInference.Judge(Login, [buy, sell], "BTC", 50m, 50m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled), typeof(OrderFillInferred), typeof(OrderFilled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        var fills = events.OfType<OrderFilled>().ToList();
        Assert.Equal([("c-b", "v-b", "inferred:v-b"), ("c-s", "unknown:c-s", "inferred:cid:c-s")],
            fills.Select(f => (f.ClientOrderId.Value, f.VenueOrderId.Value, f.FillId.Value)));
        Assert.Equal(105m, fills[1].Price);
        Assert.Contains("its venue id never reached the engine", ((OrderFillInferred)events[2]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_unknown_orders_of_both_sides_stay_unknown_when_the_unchanged_balance_fits_both_filled_and_neither()
    {
        var events = DowntimeFillInference.Judge(Login, [Unknown("c-b", OrderSide.Buy), Unknown("c-s", OrderSide.Sell)], "BTC", 50m, 50m, Now, "open_orders after READY");

        Assert.Equal([typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
    }

    [Theory]
    [InlineData(49.0, "c-b,c-s")]
    [InlineData(50.0, "")]
    [InlineData(60.0, "c-b")]
    [InlineData(39.0, "c-s")]
    public void Two_unknown_orders_of_both_sides_with_different_quantities_are_told_apart_by_the_balance(double reported, string filled)
    {
        var (buy, sell) = (Unknown("c-b", OrderSide.Buy), Unknown("c-s", OrderSide.Sell, quantity: 11m));

        var events = DowntimeFillInference.Judge(Login, [buy, sell], "BTC", 50m, (decimal)reported, Now, "open_orders after READY");

        Assert.Equal(filled, string.Join(",", events.OfType<OrderFilled>().Select(f => f.ClientOrderId.Value)));
        Assert.Equal(2 - events.OfType<OrderFilled>().Count(), events.OfType<OrderRejected>().Count());
        Assert.DoesNotContain(events, e => e is ExternalBalanceAdjusted);
    }

    [Fact]
    public void An_unknown_sell_whose_quantity_left_the_balance_is_inferred_filled()
    {
        var events = DowntimeFillInference.Judge(Login, [Unknown("c-s", OrderSide.Sell)], "BTC", 50m, 40m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        Assert.Equal(("inferred:cid:c-s", 10m), (((OrderFilled)events[1]).FillId.Value, ((OrderFilled)events[1]).Quantity));
    }

    [Fact]
    public void An_unknown_order_the_unchanged_balance_shows_no_fill_of_never_reached_the_venue()
    {
        var events = DowntimeFillInference.Judge(Login, [Unknown("c-b", OrderSide.Buy)], "BTC", 50m, 50m, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderRejected), typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
        Assert.StartsWith(OrderStatusResolver.NotFoundReason, ((OrderRejected)events[0]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_order_is_not_judged_without_an_earlier_balance()
    {
        var events = DowntimeFillInference.Judge(Login, [Unknown("c-b", OrderSide.Buy)], "BTC", null, 60m, Now, "open_orders after READY");

        Assert.Equal([typeof(VenueBalanceReconciled)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void A_new_quote_never_asked_to_cancel_is_inferred_filled_and_the_old_quote_whose_cancels_were_requested_is_confirmed_canceled()
    {
        var events = DowntimeFillInference.Judge(Login,
            [Order("c-1", "v-1", OrderSide.Buy, cancelRequested: true), Order("c-2", "v-2", OrderSide.Sell, cancelRequested: true),
             Order("c-3", "v-3", OrderSide.Buy), Order("c-4", "v-4", OrderSide.Sell)],
            "BTC", 50m, 50m, Now, "open_orders after READY");

        Assert.Equal(["c-3", "c-4"], events.OfType<OrderFilled>().Select(f => f.ClientOrderId.Value));
        Assert.Equal([("c-1", OrderStatus.Canceled), ("c-2", OrderStatus.Canceled)], events.OfType<OrderReconciled>().Select(r => (r.ClientOrderId.Value, r.Status)));
        Assert.DoesNotContain(events, e => e is OrderVanished or ExternalBalanceAdjusted);
    }

    [Fact]
    public void A_fill_the_venue_reported_by_status_whose_fill_report_never_came_is_inferred_at_the_limit_price()
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted());
        book.Apply(Accepted());
        book.Apply(Fill("f-1", 4m));
        book.Apply(Report(OrderStatus.Filled, remaining: 0m));
        var owed = new Dictionary<ClientOrderId, decimal> { [Cid] = 10m };

        var events = DowntimeFillInference.OwedFills(Login, owed, book.Find, Now, "open_orders after READY");

        Assert.Equal([typeof(OrderFillInferred), typeof(OrderFilled)], events.Select(e => e.GetType()));
        var fill = (OrderFilled)events[1];
        Assert.Equal(("inferred:v-1:10", 6m, 100m), (fill.FillId.Value, fill.Quantity, fill.Price));
        Assert.Equal(OrderStatus.Filled, book.Apply(fill).Result!.State.Status);
        Assert.Equal(10m, book.Find(Cid)!.FilledQuantity);
        Assert.Empty(DowntimeFillInference.OwedFills(Login, owed, book.Find, Now, "again"));
    }

    private static OrderState Order(string cid, string vid, OrderSide side, bool cancelRequested = false)
    {
        var book = new OrderBook(Login);
        var id = new ClientOrderId(cid);
        book.Apply(new OrderSubmitted(Login, id, T0, Btc, side, OrderType.Limit, 10m, 100m));
        book.Apply(new OrderAccepted(Login, id, T0.AddSeconds(1), new VenueOrderId(vid), null));
        if (cancelRequested)
        {
            book.Apply(new OrderCancelRequested(Login, id, T0.AddSeconds(2)));
        }

        return book.Find(id)!;
    }

    private static OrderState Unknown(string cid, OrderSide side, decimal quantity = 10m)
    {
        var book = new OrderBook(Login);
        var id = new ClientOrderId(cid);
        book.Apply(new OrderSubmitted(Login, id, T0, Btc, side, OrderType.Limit, quantity, side == OrderSide.Buy ? 95m : 105m));
        book.Apply(new OrderStatusUnknown(Login, id, T0.AddSeconds(1), "the engine restarted before the venue answered the place request"));
        return book.Find(id)!;
    }
}
