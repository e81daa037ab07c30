using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>
/// A balance the venue reported at reconciliation (the quant gateway's <c>asset</c> after READY, or periodically),
/// journaled in the login's journal under <see cref="ExternalOrderId.Session"/> when it differs from the last one
/// journaled. It is the evidence a vanished order is judged on, and what audit invariant (c) compares the fills with.
/// </summary>
/// <param name="Asset">The currency.</param>
/// <param name="Total">Free plus locked, as the venue reported it.</param>
/// <param name="Expected">The balance the journal expected: the previous reported balance plus the fills journaled
/// since; null for the first one journaled.</param>
/// <param name="Source">How it was obtained ("asset after READY").</param>
public sealed record VenueBalanceReconciled(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string Asset,
    decimal Total,
    decimal? Expected,
    string Source) : IOrderEvent;

/// <summary>
/// A working order the venue no longer lists (or a placement whose reply was lost, without a venue id), on a venue that
/// cannot be asked about single orders, whose remaining quantity is part of the one set of such orders that explains the
/// unexplained change of the venue's balance: it filled while the engine did not listen. Journaled before the
/// <see cref="OrderFilled"/> it explains, at the order's price: fill id <c>inferred:&lt;venue id&gt;</c>, or
/// <c>inferred:cid:&lt;client order id&gt;</c> (venue id <c>unknown:&lt;client order id&gt;</c>) for a placement without
/// one; an order the venue reported filled whose fill report was lost gets <c>inferred:&lt;venue id&gt;:&lt;filled&gt;</c>.
/// </summary>
/// <param name="Asset">The asset whose balance is the evidence.</param>
/// <param name="Expected">The balance the journal expected.</param>
/// <param name="Reported">The balance the venue reported.</param>
/// <param name="Quantity">The inferred fill quantity (the order's remaining quantity).</param>
/// <param name="Reason">For people: what was compared with what.</param>
public sealed record OrderFillInferred(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    string Asset,
    decimal Expected,
    decimal Reported,
    decimal Quantity,
    decimal Price,
    string Reason) : IOrderEvent;

/// <summary>
/// A working order the venue no longer lists, and nothing says what became of it: the balance difference matches no
/// single vanished order (or no balance evidence exists). The order is then closed with an <see cref="OrderReconciled"/>
/// whose source names this event; audit flags every vanished order for a person to check.
/// </summary>
/// <param name="Remaining">The quantity that was still open.</param>
/// <param name="Reason">For people: why no fill could be inferred.</param>
public sealed record OrderVanished(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    VenueOrderId VenueOrderId,
    decimal Remaining,
    string Reason) : IOrderEvent;

/// <summary>
/// A change of a venue balance that no journaled fill explains, recorded under <see cref="ExternalOrderId.Session"/> so
/// the journal's expected balance equals the venue's again. Audit lists it.
/// </summary>
/// <param name="Difference">Reported minus expected.</param>
public sealed record ExternalBalanceAdjusted(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string Asset,
    decimal Expected,
    decimal Reported,
    decimal Difference,
    string Reason) : IOrderEvent;
