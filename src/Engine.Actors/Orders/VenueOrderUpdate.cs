using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// A venue report about an order, keyed by its venue id and, where the venue names it (Binance
/// <c>executionReport</c>), by the engine's client order id. <see cref="Bind"/> turns it into the order event
/// once the book knows which order it is; it must be pure (capture only the decoded values).
/// </summary>
/// <param name="VenueOrderId">The venue's id of the order.</param>
/// <param name="ReceivedAt">When the report arrived; used to expire reports held for an unknown id.</param>
/// <param name="Bind">Builds the event for the engine's order id.</param>
/// <param name="ClientOrderId">The engine's id of the order as the venue reports it; null when the venue does not
/// (quant gateway). Lets the book bind a report whose venue id no place reply revealed (an unknown outcome).</param>
/// <param name="Terms">What the report says about the order's terms, for attribution and contradiction checks; null
/// when the venue's message carries none.</param>
public sealed record VenueOrderUpdate(
    VenueOrderId VenueOrderId,
    DateTimeOffset ReceivedAt,
    Func<ClientOrderId, IOrderEvent> Bind,
    ClientOrderId? ClientOrderId = null,
    ReportTerms? Terms = null)
{
    /// <summary>
    /// The venue frame (UTF-8) the report was decoded from, journaled with a report that contradicts its order; empty when
    /// not kept. Shared, never copied: decoded to text only for a violation.
    /// </summary>
    public ReadOnlyMemory<byte> RawFrame { get; init; }
}
