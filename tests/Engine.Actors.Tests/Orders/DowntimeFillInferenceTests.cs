using Engine.Actors.Orders;
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
}
