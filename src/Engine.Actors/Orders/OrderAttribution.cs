using System.Globalization;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Attribution of a venue report whose venue order id the book does not know to one of the login's orders whose venue
/// id is not known yet (a place reply lost or still on its way: Submitted, Unknown, or PendingCancel without an id).
/// Pure. A candidate has the report's symbol and side, and was submitted no later than the report arrived; when the
/// report carries the order's terms it also has the same type, limit price and original quantity; when it carries only
/// a fill, the fill fits in what is left of the order and is not priced beyond its limit on the wrong side.
/// Exactly one candidate: it is chosen. Several whose terms are all identical: the oldest is chosen (the terms being
/// identical, positions and PnL are right whichever is), and the reason says so. Several that differ (only a fill's
/// terms matched): none is chosen, since the choice would change what the book believes.
/// Where a venue names the engine's client order id (Binance <c>c</c>/<c>C</c>), that id decides and attribution is
/// never asked.
/// </summary>
public static class OrderAttribution
{
    /// <summary>The orders <paramref name="update"/> could belong to, oldest (first recorded) first.</summary>
    /// <param name="book">The login's book.</param>
    /// <param name="update">The report; without terms nothing matches.</param>
    /// <param name="includeAwaitingReply">True to include orders still waiting for their place reply (Submitted); false
    /// for Unknown orders only, whose reply will not come.</param>
    public static IReadOnlyList<OrderState> Candidates(OrderBook book, VenueOrderUpdate update, bool includeAwaitingReply)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Terms is not { } terms)
        {
            return [];
        }

        // Bind is pure: binding to the reserved id only reads what the report says.
        var probe = update.Bind(ExternalOrderId.Session);
        var fill = probe is OrderPartiallyFilled or OrderFilled ? probe : null;
        return [.. book.WithoutVenueId
            .Where(o => o.Status is OrderStatus.Unknown or OrderStatus.PendingCancel
                || (includeAwaitingReply && o.Status == OrderStatus.Submitted))
            .Where(o => o.CreatedAt <= update.ReceivedAt && o.Symbol == terms.Symbol && o.Side == terms.Side)
            .Where(o => terms.HasOrderTerms ? SameTerms(o, terms) : FillFits(o, fill))
            .OrderBy(o => book.ArrivalOf(o.ClientOrderId))];
    }

    /// <summary>
    /// The order <paramref name="update"/> is attributed to, or null when no candidate matches or several with
    /// different terms do.
    /// </summary>
    public static AttributionChoice? Choose(OrderBook book, VenueOrderUpdate update, bool includeAwaitingReply)
    {
        var candidates = Candidates(book, update, includeAwaitingReply);
        if (candidates.Count == 0)
        {
            return null;
        }

        var terms = update.Terms!;
        var what = terms.HasOrderTerms
            ? string.Create(CultureInfo.InvariantCulture, $"{terms.Symbol} {terms.Side} {terms.Type} {terms.Quantity}{(terms.Price is { } p ? $" @ {p}" : string.Empty)}")
            : $"a fill of {terms.Symbol} {terms.Side}";
        if (candidates.Count == 1)
        {
            return new AttributionChoice(candidates[0], 1, $"venue id {update.VenueOrderId} inferred from {what}: the only candidate");
        }

        var first = candidates[0];
        if (candidates.All(c => c.Type == first.Type && c.Price == first.Price && c.Quantity == first.Quantity && c.FilledQuantity == first.FilledQuantity))
        {
            return new AttributionChoice(
                first,
                candidates.Count,
                $"venue id {update.VenueOrderId} inferred from {what}: the oldest of {candidates.Count} candidates with identical terms");
        }

        return null;
    }

    private static bool SameTerms(OrderState order, ReportTerms terms) =>
        order.Type == terms.Type
        && order.Quantity == terms.Quantity
        && (order.Type == OrderType.Market || order.Price == terms.Price);

    private static bool FillFits(OrderState order, IOrderEvent? fill)
    {
        var (price, quantity) = fill switch
        {
            OrderPartiallyFilled f => (f.Price, f.Quantity),
            OrderFilled f => (f.Price, f.Quantity),
            _ => (0m, 0m),
        };
        if (quantity <= 0m || quantity > order.RemainingQuantity)
        {
            return false;
        }

        return order.Price is not { } limit || order.Type == OrderType.Market
            || (order.Side == OrderSide.Buy ? price <= limit : price >= limit);
    }
}
