using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Maps events to the columns of the lifecycle table; pure.</summary>
public static class OrderEventKinds
{
    /// <summary>
    /// The kind of <paramref name="orderEvent"/>, or null for a status report whose status is not a venue
    /// status (PendingSubmit, Submitted, PendingCancel, Unknown), which the book treats as invalid.
    /// </summary>
    public static OrderEventKind? Of(IOrderEvent orderEvent) => orderEvent switch
    {
        OrderSubmitted => OrderEventKind.Submitted,
        OrderAccepted => OrderEventKind.Accepted,
        OrderRejected => OrderEventKind.Rejected,
        OrderPartiallyFilled => OrderEventKind.PartiallyFilled,
        OrderFilled => OrderEventKind.Filled,
        OrderCancelRequested => OrderEventKind.CancelRequested,
        CancelRejected => OrderEventKind.CancelRejected,
        OrderCanceled => OrderEventKind.Canceled,
        OrderExpired => OrderEventKind.Expired,
        OrderStatusUnknown => OrderEventKind.StatusUnknown,
        OrderStatusReported r => OfReportedStatus(r.Status),
        OrderReconciled r => OfReportedStatus(r.Status),
        _ => null,
    };

    /// <summary>The kind for a status the venue reported; null for statuses only the engine uses.</summary>
    public static OrderEventKind? OfReportedStatus(OrderStatus status) => status switch
    {
        OrderStatus.Accepted => OrderEventKind.Accepted,
        OrderStatus.PartiallyFilled => OrderEventKind.PartiallyFilled,
        OrderStatus.Filled => OrderEventKind.Filled,
        OrderStatus.Canceled => OrderEventKind.Canceled,
        OrderStatus.Rejected => OrderEventKind.Rejected,
        OrderStatus.Expired => OrderEventKind.Expired,
        _ => null,
    };
}
