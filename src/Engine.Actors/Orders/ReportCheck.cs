using System.Globalization;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Checks a venue report against the order it is bound to, before it is applied. Pure. A report that contradicts what
/// the engine knows of its own order (what it sent: side, quantity, limit price; and what it already counted) is not
/// applied: the book journals a <see cref="VenueProtocolViolation"/> instead and reconciles the order with the venue.
/// External orders are not checked (the engine knows of them only what the venue said).
/// </summary>
public static class ReportCheck
{
    /// <summary>What contradicts the order in <paramref name="report"/>, for people; null when nothing does.</summary>
    /// <param name="order">The order the report is bound to.</param>
    /// <param name="report">The bound event.</param>
    /// <param name="terms">The report's terms as the venue stated them; null when it stated none.</param>
    public static string? Contradiction(OrderState order, IOrderEvent report, ReportTerms? terms)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(report);
        if (order.IsExternal)
        {
            return null;
        }

        if (terms is not null && terms.Side != order.Side)
        {
            return $"the report is for a {terms.Side} order but order {order.ClientOrderId} is a {order.Side} order";
        }

        if (terms?.Quantity is { } quantity && quantity != order.Quantity)
        {
            return Text($"the report gives the order quantity {quantity} but order {order.ClientOrderId} was placed for {order.Quantity}");
        }

        return report switch
        {
            OrderPartiallyFilled f => Fill(order, f.FillId, f.Price, f.Quantity),
            OrderFilled f => Fill(order, f.FillId, f.Price, f.Quantity),
            OrderStatusReported r => Status(order, r),
            OrderAccepted { Remaining: { } left } => Remaining(order, left),
            OrderCanceled { Remaining: { } left } => Remaining(order, left),
            OrderExpired { Remaining: { } left } => Remaining(order, left),
            _ => null,
        };
    }

    private static string? Fill(OrderState order, Engine.Messages.Identifiers.FillId fillId, decimal price, decimal quantity)
    {
        if (order.SeenFillIds.Contains(fillId))
        {
            return null;
        }

        if (order.FilledQuantity + quantity > order.Quantity)
        {
            return Text($"fill {fillId} of {quantity} would fill {order.FilledQuantity + quantity} of an order for {order.Quantity} (an overfill)");
        }

        if (order.Type != OrderType.Market && order.Price is { } limit
            && (order.Side == OrderSide.Buy ? price > limit : price < limit))
        {
            return Text($"fill {fillId} at {price} is beyond the {order.Side} limit price {limit}");
        }

        return null;
    }

    private static string? Status(OrderState order, OrderStatusReported r)
    {
        if (r.Quantity != order.Quantity)
        {
            return Text($"the report gives the order quantity {r.Quantity} but the order was placed for {order.Quantity}");
        }

        if (Remaining(order, r.Remaining) is { } bad)
        {
            return bad;
        }

        if (r.Status == OrderStatus.Filled && r.Remaining != 0m)
        {
            return Text($"the report says FILLED with {r.Remaining} remaining");
        }

        // An older cumulative state is not a contradiction: the quant gateway repeats notifications, and the lifecycle
        // ignores a stale one. A forbidden status change (a regression such as open after rejected) is refused by the
        // lifecycle and journaled as a violation by the book's actor.
        return null;
    }

    private static string? Remaining(OrderState order, decimal remaining) =>
        remaining < 0m || remaining > order.Quantity
            ? Text($"the report gives {remaining} remaining on an order for {order.Quantity}; expected between 0 and the quantity")
            : null;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
