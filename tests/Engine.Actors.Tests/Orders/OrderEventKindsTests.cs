using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

public class OrderEventKindsTests
{
    public static TheoryData<IOrderEvent, OrderEventKind?> Events() => new()
    {
        { Submitted(), OrderEventKind.Submitted },
        { Accepted(), OrderEventKind.Accepted },
        { new OrderRejected(Login, Cid, T0, "x"), OrderEventKind.Rejected },
        { Fill("f", 1m), OrderEventKind.PartiallyFilled },
        { new OrderFilled(Login, Cid, T0, Vid, new FillId("f"), 1m, 1m), OrderEventKind.Filled },
        { new OrderCancelRequested(Login, Cid, T0), OrderEventKind.CancelRequested },
        { new CancelRejected(Login, Cid, T0, "x"), OrderEventKind.CancelRejected },
        { new OrderCanceled(Login, Cid, T0), OrderEventKind.Canceled },
        { new OrderExpired(Login, Cid, T0), OrderEventKind.Expired },
        { new OrderStatusUnknown(Login, Cid, T0, "x"), OrderEventKind.StatusUnknown },
        { Report(OrderStatus.Filled, 0m), OrderEventKind.Filled },
        { Report(OrderStatus.PartiallyFilled, 1m), OrderEventKind.PartiallyFilled },
        { new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Canceled, 0m, "r"), OrderEventKind.Canceled },
        { new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Expired, 0m, "r"), OrderEventKind.Expired },
        { new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Rejected, 0m, "r"), OrderEventKind.Rejected },
        { new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Accepted, 0m, "r"), OrderEventKind.Accepted },
        { new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.PendingCancel, 0m, "r"), null },
        { new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Unknown, 0m, "r"), null },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_has_its_column(IOrderEvent orderEvent, OrderEventKind? kind)
    {
        Assert.Equal(kind, OrderEventKinds.Of(orderEvent));
    }

    [Fact]
    public void Report_of_an_engine_only_status_is_invalid()
    {
        var s = OrderState.Create(Submitted());
        var r = s.Apply(new OrderReconciled(Login, Cid, T0, Vid, OrderStatus.Unknown, 0m, "r"));
        Assert.Equal(TransitionOutcome.Invalid, r.Outcome);
    }
}
