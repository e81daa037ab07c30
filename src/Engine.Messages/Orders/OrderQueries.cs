using System.Collections.Immutable;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;

namespace Engine.Messages.Orders;

/// <summary>Asks for the venue's open orders of a login in one symbol; answered by <see cref="OpenOrdersReply"/> or <see cref="QueryFailed"/>.</summary>
public sealed record QueryOpenOrders(LoginId Login, Symbol Symbol, DateTimeOffset Timestamp);

/// <summary>Asks for a login's balances; answered by <see cref="BalancesReply"/> or <see cref="QueryFailed"/>.</summary>
public sealed record QueryBalances(LoginId Login, DateTimeOffset Timestamp);

/// <summary>Asks for a login's futures position in one contract; answered by <see cref="PositionReply"/> or <see cref="QueryFailed"/>.</summary>
public sealed record QueryPosition(LoginId Login, Symbol Symbol, DateTimeOffset Timestamp);

/// <summary>Asks for a symbol's trading rules; answered by <see cref="SymbolInfoReply"/> or <see cref="QueryFailed"/>.</summary>
public sealed record QuerySymbolInfo(LoginId Login, Symbol Symbol, DateTimeOffset Timestamp);

/// <summary>
/// One order as the venue lists it among the open orders. <see cref="ClientOrderId"/> is null when the
/// venue does not echo it (the quant gateway never does; the book maps it by venue order id).
/// </summary>
public sealed record OpenOrder(
    VenueOrderId VenueOrderId,
    ClientOrderId? ClientOrderId,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal? Price,
    decimal Quantity,
    decimal Remaining,
    OrderStatus Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Quantity filled so far according to the venue.</summary>
    public decimal FilledQuantity => Quantity - Remaining;
}

/// <summary>The venue's open orders of a login in one symbol, in the venue's order.</summary>
public sealed record OpenOrdersReply(LoginId Login, Symbol Symbol, DateTimeOffset Timestamp, ImmutableArray<OpenOrder> Orders);

/// <summary>The login's balances, one per asset.</summary>
public sealed record BalancesReply(LoginId Login, DateTimeOffset Timestamp, ImmutableArray<Balance> Balances);

/// <summary>The login's position in one contract; zeros when flat.</summary>
public sealed record PositionReply(LoginId Login, DateTimeOffset Timestamp, PositionSnapshot Position);

/// <summary>The symbol's trading rules.</summary>
public sealed record SymbolInfoReply(LoginId Login, DateTimeOffset Timestamp, SymbolRules Rules);

/// <summary>
/// A query failed. <see cref="OutcomeUnknown"/> is true for a timeout or a disconnect (ask again),
/// false when the venue answered with an error.
/// </summary>
/// <param name="Query">The query's type name (<c>QueryOpenOrders</c>).</param>
/// <param name="Reason">For people; the venue's text verbatim when it gave one.</param>
public sealed record QueryFailed(LoginId Login, DateTimeOffset Timestamp, string Query, string Reason, bool OutcomeUnknown);
