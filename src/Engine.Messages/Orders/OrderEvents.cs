using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>
/// The engine recorded a new order (write-ahead) before sending it; the first event of every order.
/// Carries every field needed to rebuild the order from the journal.
/// </summary>
public sealed record OrderSubmitted(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    OffsetFlag Offset = OffsetFlag.None) : IOrderEvent
{
    /// <summary>The event that records <paramref name="command"/>.</summary>
    public static OrderSubmitted From(SubmitOrder command) => new(
        command.Login,
        command.ClientOrderId,
        command.Timestamp,
        command.Symbol,
        command.Side,
        command.Type,
        command.Quantity,
        command.Price,
        command.TimeInForce,
        command.Offset);
}

/// <summary>
/// The venue accepted the order and it is working. Also used for a venue's "open" status report;
/// <see cref="Remaining"/> is set when the venue said how much is left.
/// </summary>
public sealed record OrderAccepted(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    decimal? Remaining = null) : IOrderEvent;

/// <summary>
/// The order was refused, locally (<see cref="IsLocal"/>: nothing was sent) or by the venue.
/// A timeout or a disconnect is never a rejection: it is <see cref="OrderStatusUnknown"/>.
/// </summary>
/// <param name="Reason">For people: what was wrong and what was expected, or the venue's text verbatim.</param>
/// <param name="Breach">Set when a pre-trade risk rule refused the order: the rule, the scope and the numbers.</param>
public sealed record OrderRejected(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string Reason,
    bool IsLocal = false,
    Risk.RiskBreach? Breach = null) : IOrderEvent;

/// <summary>
/// One execution that leaves part of the order working. <see cref="Quantity"/> is this fill's amount,
/// not the cumulative one. Fills are de-duplicated by <see cref="FillId"/>.
/// </summary>
public sealed record OrderPartiallyFilled(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    FillId FillId,
    decimal Price,
    decimal Quantity,
    decimal? Fee = null,
    string? FeeAsset = null,
    Liquidity Liquidity = Liquidity.Unknown) : IOrderEvent;

/// <summary>
/// The execution that completes the order. <see cref="Quantity"/> is this fill's amount, not the
/// cumulative one; fee and fee asset are null when the venue does not report them.
/// </summary>
public sealed record OrderFilled(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    FillId FillId,
    decimal Price,
    decimal Quantity,
    decimal? Fee = null,
    string? FeeAsset = null,
    Liquidity Liquidity = Liquidity.Unknown) : IOrderEvent;

/// <summary>The engine sent (or is about to send) a cancel for the order; it may still fill.</summary>
public sealed record OrderCancelRequested(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp) : IOrderEvent;

/// <summary>The venue refused a cancel; the order keeps its previous status.</summary>
public sealed record CancelRejected(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string Reason) : IOrderEvent;

/// <summary>The order was canceled, possibly after partial fills. Terminal.</summary>
public sealed record OrderCanceled(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId? VenueOrderId = null,
    decimal? Remaining = null) : IOrderEvent;

/// <summary>The order ended by its time in force (IOC remainder, expiry). Terminal.</summary>
public sealed record OrderExpired(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId? VenueOrderId = null,
    decimal? Remaining = null) : IOrderEvent;

/// <summary>
/// The outcome of the last request for the order is not known (timeout, disconnect, server error).
/// The engine resolves it by asking the venue; it is never turned into a rejection by itself.
/// </summary>
public sealed record OrderStatusUnknown(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string Reason) : IOrderEvent;

/// <summary>
/// A venue's push of the order's status with its cumulative state (for example a quant gateway
/// <c>order</c> notification saying PARTIAL-FILLED); it adjusts the status and the filled quantity but
/// carries no fill details: fills arrive as their own events.
/// </summary>
/// <param name="Status">Accepted, PartiallyFilled, Filled, Canceled, Rejected or Expired.</param>
/// <param name="Quantity">The order quantity as the venue reports it.</param>
/// <param name="Remaining">Quantity still working as the venue reports it.</param>
public sealed record OrderStatusReported(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    OrderStatus Status,
    decimal Quantity,
    decimal Remaining) : IOrderEvent;

/// <summary>
/// Reconciliation after a (re)connect or an unknown outcome brought the local order in line with
/// the venue: the venue's view is authoritative.
/// </summary>
/// <param name="Status">Accepted, PartiallyFilled, Filled, Canceled, Rejected or Expired.</param>
/// <param name="FilledQuantity">Cumulative filled quantity according to the venue.</param>
/// <param name="Reason">How the venue's view was obtained (<c>open_orders after READY</c>, <c>absent from open orders</c>).</param>
public sealed record OrderReconciled(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId? VenueOrderId,
    OrderStatus Status,
    decimal FilledQuantity,
    string Reason) : IOrderEvent;
