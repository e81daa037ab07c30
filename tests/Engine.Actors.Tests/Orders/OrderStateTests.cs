using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

public class OrderStateTests
{
    private static OrderState Accepted10() => OrderState.Create(Submitted()).Apply(Accepted()).State;

    [Fact]
    public void Created_order_is_submitted_with_nothing_filled()
    {
        var s = OrderState.Create(Submitted());
        Assert.Equal(OrderStatus.Submitted, s.Status);
        Assert.Equal(0m, s.FilledQuantity);
        Assert.Null(s.VenueOrderId);
    }

    [Fact]
    public void Fills_accumulate_with_average_price_and_fees()
    {
        var s = Accepted10();
        s = s.Apply(Fill("f1", 4m, 100m, 0.1m)).State;
        s = s.Apply(Fill("f2", 6m, 110m, 0.2m)).State;

        Assert.Equal(OrderStatus.Filled, s.Status);
        Assert.Equal(10m, s.FilledQuantity);
        Assert.Equal(106m, s.AveragePrice);
        Assert.Equal(0.3m, s.Fees["USDT"]);
    }

    [Fact]
    public void Duplicate_fill_id_is_ignored()
    {
        var s = Accepted10().Apply(Fill("f1", 4m)).State;
        var again = s.Apply(Fill("f1", 4m));

        Assert.Equal(TransitionOutcome.Ignored, again.Outcome);
        Assert.Same(s, again.State);
        Assert.Equal(4m, again.State.FilledQuantity);
    }

    [Fact]
    public void Fill_beyond_quantity_is_invalid_and_changes_nothing()
    {
        var s = Accepted10().Apply(Fill("f1", 8m)).State;
        var over = s.Apply(Fill("f2", 3m));

        Assert.Equal(TransitionOutcome.Invalid, over.Outcome);
        Assert.Contains("exceed", over.Reason, StringComparison.Ordinal);
        Assert.Equal(8m, over.State.FilledQuantity);
    }

    [Fact]
    public void Late_fill_after_cancel_counts_but_status_stays_canceled()
    {
        var s = Accepted10().Apply(new OrderCanceled(Login, Cid, T0, Vid, 10m)).State;
        var late = s.Apply(Fill("f1", 2m));

        Assert.Equal(TransitionOutcome.Applied, late.Outcome);
        Assert.Equal(OrderStatus.Canceled, late.State.Status);
        Assert.Equal(2m, late.State.FilledQuantity);
    }

    [Fact]
    public void Final_fill_after_cancel_makes_the_order_filled()
    {
        var s = Accepted10().Apply(new OrderCanceled(Login, Cid, T0, Vid, 10m)).State;
        Assert.Equal(OrderStatus.Filled, s.Apply(Fill("f1", 10m)).State.Status);
    }

    [Fact]
    public void Same_venue_update_twice_is_ignored()
    {
        var s = Accepted10().Apply(Report(OrderStatus.PartiallyFilled, 6m)).State;
        var dup = s.Apply(Report(OrderStatus.PartiallyFilled, 6.0m));

        Assert.Equal(TransitionOutcome.Ignored, dup.Outcome);
        Assert.Contains("duplicate", dup.Reason, StringComparison.Ordinal);
        Assert.Equal(4m, s.VenueFilledQuantity);
        Assert.Equal(0m, s.FilledQuantity);
    }

    [Fact]
    public void Cancel_rejected_restores_partially_filled_when_there_are_fills()
    {
        var s = Accepted10().Apply(Fill("f1", 3m)).State;
        s = s.Apply(new OrderCancelRequested(Login, Cid, T0)).State;
        Assert.Equal(OrderStatus.PendingCancel, s.Status);

        s = s.Apply(new CancelRejected(Login, Cid, T0, "busy")).State;
        Assert.Equal(OrderStatus.PartiallyFilled, s.Status);
    }

    [Fact]
    public void Timeout_makes_the_order_unknown_and_the_venue_resolves_it()
    {
        var s = OrderState.Create(Submitted()).Apply(new OrderStatusUnknown(Login, Cid, T0, "place_order timed out")).State;
        Assert.Equal(OrderStatus.Unknown, s.Status);

        s = s.Apply(new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Accepted, 0m, "open_orders after READY")).State;
        Assert.Equal(OrderStatus.Accepted, s.Status);
        Assert.Equal(Vid, s.VenueOrderId);
    }

    [Fact]
    public void Event_of_another_order_is_invalid()
    {
        var other = new OrderCanceled(Login, new ClientOrderId("c-2"), T0);
        Assert.Equal(TransitionOutcome.Invalid, Accepted10().Apply(other).Outcome);
    }

    [Fact]
    public void Conflicting_venue_id_is_invalid()
    {
        var wrong = new OrderCanceled(Login, Cid, T0, new VenueOrderId("v-9"), 10m);
        Assert.Equal(TransitionOutcome.Invalid, Accepted10().Apply(wrong).Outcome);
    }

    [Fact]
    public void Rejected_order_refuses_fills()
    {
        var s = OrderState.Create(Submitted()).Apply(new OrderRejected(Login, Cid, T0, "quantity error")).State;
        Assert.Equal(TransitionOutcome.Invalid, s.Apply(Fill("f1", 1m)).Outcome);
    }
}
