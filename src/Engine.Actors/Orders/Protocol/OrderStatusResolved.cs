using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: the venue's answer to a per-order status query (Binance <c>order.status</c>) for one
/// <see cref="OrderToResolve"/>. Exactly one of <see cref="Order"/> (the venue knows the order, in any status) and
/// <see cref="Missing"/> (the venue does not know it: it never reached the venue) is set. The book adopts the venue
/// id and status (journaled as <see cref="OrderReconciled"/>) or closes the order as rejected; it never invents fills.
/// </summary>
/// <param name="ClientOrderId">The order asked about.</param>
/// <param name="Order">The venue's view of the order, or null when it is missing.</param>
/// <param name="Missing">Why the venue does not know the order (its error text); null when <see cref="Order"/> is set.</param>
/// <param name="At">When the answer was received.</param>
/// <param name="Source">For the audit trail, e.g. "order.status".</param>
public sealed record OrderStatusResolved(ClientOrderId ClientOrderId, OpenOrder? Order, string? Missing, DateTimeOffset At, string Source);
