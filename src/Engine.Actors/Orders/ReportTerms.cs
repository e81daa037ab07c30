using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// What a venue report says about the order it concerns, as far as the venue says it: the terms the book matches
/// against its orders whose venue id it does not know (<see cref="OrderAttribution"/>), and checks against the order it
/// binds to (<see cref="ReportCheck"/>). An order report (quant gateway <c>order</c>, Binance <c>executionReport</c>)
/// carries the order's own terms; a fill report (quant gateway <c>fill</c>) carries only symbol, side and the fill's
/// price and quantity. Immutable.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">The order type; null when the report does not say (a fill).</param>
/// <param name="Price">The order's limit price; null when the report does not say or the order has none.</param>
/// <param name="Quantity">The order's original quantity; null when the report does not say (a fill).</param>
public sealed record ReportTerms(Symbol Symbol, OrderSide Side, OrderType? Type, decimal? Price, decimal? Quantity)
{
    /// <summary>True when the report carries the order's own terms (not only a fill's).</summary>
    public bool HasOrderTerms => Type is not null && Quantity is not null;
}
