using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders.Protocol;

/// <summary>One order whose state the book cannot tell from the venue's open orders; the venue is asked about it by id.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">The engine's id, which the venue knows (Binance <c>origClientOrderId</c>).</param>
/// <param name="VenueOrderId">The venue's id when known; null after an unknown place outcome.</param>
public sealed record OrderToResolve(Symbol Symbol, ClientOrderId ClientOrderId, VenueOrderId? VenueOrderId);
