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
}
