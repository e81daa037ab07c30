using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>
/// The book learned an order's venue id from a venue report rather than from the place reply (which was lost or has
/// not arrived): the report's terms (symbol, side, type, price, original quantity) matched this order among the
/// login's orders whose venue id was not known. Journaled before the report it explains, which is then applied.
/// </summary>
/// <param name="VenueOrderId">The venue id the order adopts.</param>
/// <param name="Reason">For people: what matched and how the candidate was chosen ("the only candidate", "the oldest
/// of 3 candidates with identical terms").</param>
/// <param name="Candidates">How many orders matched the report's terms.</param>
public sealed record VenueOrderIdInferred(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    string Reason,
    int Candidates = 1) : IOrderEvent;

/// <summary>
/// An order the venue reports for this login that no order of the book can be attributed to: placed elsewhere, or a
/// lost reply whose report matched nothing. Kept in the book as an external order under a client order id the engine
/// derives from the venue id (<see cref="ExternalOrderId"/>), so later reports about it bind to it.
/// </summary>
/// <param name="ClientOrderId">The derived id (<see cref="ExternalOrderId.Of"/>).</param>
/// <param name="Type">The order type when the venue reported it; null when only a fill named the order.</param>
/// <param name="Quantity">The original quantity when reported; for an order known only by a fill, that fill's quantity.</param>
/// <param name="Price">The limit price when reported.</param>
/// <param name="Status">The status the venue reported.</param>
/// <param name="Reason">For people: how it was found ("held report expired unattributed", "open_orders after READY").</param>
public sealed record ExternalOrderReported(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    Symbol Symbol,
    OrderSide Side,
    OrderType? Type,
    decimal Quantity,
    decimal? Price,
    OrderStatus Status,
    string Reason) : IOrderEvent;

/// <summary>
/// A fill of an external order (one no order of the book could be attributed to). Counted in positions and PnL like
/// any fill; de-duplicated by <see cref="FillId"/> across the whole login. Strategies receive it as this type.
/// </summary>
public sealed record ExternalFillReported(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    FillId FillId,
    Symbol Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal? Fee,
    string? FeeAsset,
    Liquidity Liquidity,
    string Reason) : IOrderEvent;

/// <summary>
/// A venue report contradicted what the engine knows of the order (a fill on the other side, a fill beyond the
/// quantity or outside the limit price, a status report whose quantities are impossible, a status regression): it was
/// rejected for that order, which is then reconciled with the venue. Journaled with the raw frame for the audit.
/// </summary>
/// <param name="ClientOrderId">The order the report was bound to.</param>
/// <param name="VenueOrderId">The venue id the report named.</param>
/// <param name="Report">The type of event the report would have been (<c>OrderFilled</c>, <c>OrderStatusReported</c>).</param>
/// <param name="Reason">What contradicted what, for people.</param>
/// <param name="RawFrame">The venue frame as received (secrets never travel in venue pushes); null when not available.</param>
public sealed record VenueProtocolViolation(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId? VenueOrderId,
    string Report,
    string Reason,
    string? RawFrame) : IOrderEvent;

/// <summary>
/// A session of the login ended in order (a drain or a stop); an audit checks that nothing was left open or unknown at
/// this point. A journal whose last session has no such event ended in a crash (or is still running). Recorded under
/// the reserved client order id <see cref="ExternalOrderId.Session"/>, which names no order.
/// </summary>
/// <param name="How">For people: <c>drained</c>, or <c>drained with 2 orders left open or unknown</c>.</param>
/// <param name="Leftovers">The orders left Submitted, Unknown, PendingCancel or working (client id and venue id where known).</param>
/// <param name="Node">
/// The engine node the session ran on (<see cref="SessionStarted.Node"/>); null in events journaled before the field
/// existed, which read back without it.
/// </param>
public sealed record SessionEnded(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string How,
    System.Collections.Immutable.ImmutableArray<string> Leftovers,
    string? Node = null) : IOrderEvent;
