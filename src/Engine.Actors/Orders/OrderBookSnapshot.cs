using System.Collections.Immutable;

namespace Engine.Actors.Orders;

/// <summary>
/// The durable state of one login's <see cref="OrderBook"/> at a journal sequence number: every order with its
/// de-duplication state (seen fill ids, last venue update), so a book restored from it and the later events is
/// identical to one replayed from the start. Held venue reports are transient and not part of it. Immutable.
/// </summary>
/// <param name="Orders">Every order, terminal ones included, in the order the book recorded them.</param>
public sealed record OrderBookSnapshot(ImmutableArray<OrderState> Orders)
{
    /// <summary>Captures <paramref name="book"/>.</summary>
    public static OrderBookSnapshot Of(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new([.. book.Orders.OrderBy(o => book.ArrivalOf(o.ClientOrderId))]);
    }
}
