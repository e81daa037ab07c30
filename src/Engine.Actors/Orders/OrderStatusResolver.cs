using Engine.Actors.Orders.Protocol;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Turns the venue's answer about one order (<see cref="OrderStatusResolved"/>) into the event that brings the order in
/// line. Pure. Found → <see cref="OrderReconciled"/> with the venue's id, status and filled quantity (the order adopts
/// the id; fills are never invented: they come from the venue's reports). Missing and no venue id → the order never
/// reached the venue: <see cref="OrderRejected"/>. Missing with a venue id (the venue forgot an order it had) →
/// <see cref="OrderReconciled"/> Canceled with the fills received. Nothing when the order is no longer working, the
/// venue names another venue id, or the answer changes nothing.
/// </summary>
public static class OrderStatusResolver
{
    /// <summary>The reason of the rejection recorded for an order the venue does not know.</summary>
    public const string NotFoundReason = "not found at the venue after an unknown outcome";

    /// <summary>The event that applies <paramref name="resolved"/> to <paramref name="order"/>, or null.</summary>
    public static IOrderEvent? Resolve(OrderState order, OrderStatusResolved resolved)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(resolved);
        if (!OrderLifecycle.IsWorking(order.Status) || resolved.ClientOrderId != order.ClientOrderId)
        {
            return null;
        }

        if (resolved.Order is not { } venue)
        {
            var why = resolved.Missing is { Length: > 0 } m ? $"{NotFoundReason} ({resolved.Source}: {m})" : $"{NotFoundReason} ({resolved.Source})";
            return order.VenueOrderId is { } known
                ? new OrderReconciled(order.Login, order.ClientOrderId, resolved.At, known, OrderStatus.Canceled, order.FilledQuantity, why)
                : new OrderRejected(order.Login, order.ClientOrderId, resolved.At, why);
        }

        if (order.VenueOrderId is { } vid && vid != venue.VenueOrderId)
        {
            return null;
        }

        var unchanged = order.VenueOrderId is not null
            && (order.Status == venue.Status || (order.Status == OrderStatus.PendingCancel && OrderLifecycle.IsWorking(venue.Status)))
            && order.VenueFilledQuantity >= venue.FilledQuantity;
        return unchanged
            ? null
            : new OrderReconciled(order.Login, order.ClientOrderId, resolved.At, venue.VenueOrderId, venue.Status, venue.FilledQuantity, resolved.Source);
    }
}
