using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>
/// Asks the engine to place a new order. The engine validates it against the symbol's rules before
/// anything is sent and records it (write-ahead) before it leaves the process; the answer arrives as
/// <see cref="OrderSubmitted"/> followed by <see cref="OrderAccepted"/> or <see cref="OrderRejected"/>.
/// </summary>
/// <param name="Login">The login that places the order.</param>
/// <param name="ClientOrderId">Chosen by the sender; unique per login.</param>
/// <param name="Timestamp">When the sender issued the command.</param>
/// <param name="Symbol">Instrument in the venue's spelling.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market or limit-maker.</param>
/// <param name="Quantity">Base quantity (contracts on futures); must be positive.</param>
/// <param name="Price">Limit price; null for market orders.</param>
/// <param name="TimeInForce">How long the order stays working.</param>
/// <param name="Offset">Futures open/close intent; <see cref="OffsetFlag.None"/> on spot.</param>
/// <param name="TraceParent">
/// The W3C <c>traceparent</c> of the order's trace, started where the strategy created the order (the strategy base
/// class sets it when traces are listened to); the engine's spans of the order join that trace. Null: untraced.
/// </param>
public sealed record SubmitOrder(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    OffsetFlag Offset = OffsetFlag.None,
    string? TraceParent = null);

/// <summary>
/// Submit several orders of one login in one venue request where the venue has one (Toobit spot <c>batchOrders</c>: at
/// most 20, one symbol). Each order is checked and journaled like a <see cref="SubmitOrder"/> before the batch leaves;
/// each gets its own outcome (accepted, rejected, or unknown and then resolved by a query). A venue without batches
/// rejects every order of it as not sent.
/// </summary>
/// <param name="Login">The login all <paramref name="Orders"/> belong to.</param>
/// <param name="Timestamp">When the strategy asked.</param>
/// <param name="Orders">The orders, in the venue's order.</param>
public sealed record SubmitOrders(LoginId Login, DateTimeOffset Timestamp, ImmutableArray<SubmitOrder> Orders);

/// <summary>
/// Asks the engine to cancel one working order. The order moves to <see cref="OrderStatus.PendingCancel"/>
/// until the venue confirms; it may still fill meanwhile. A refusal arrives as <see cref="CancelRejected"/>.
/// </summary>
/// <param name="Login">The login that owns the order.</param>
/// <param name="ClientOrderId">The order to cancel.</param>
/// <param name="Timestamp">When the sender issued the command.</param>
public sealed record CancelOrder(LoginId Login, ClientOrderId ClientOrderId, DateTimeOffset Timestamp);

/// <summary>Asks the engine to cancel every working order of a login, optionally only for one symbol.</summary>
/// <param name="Login">The login whose orders are canceled.</param>
/// <param name="Timestamp">When the sender issued the command.</param>
/// <param name="Symbol">Only this symbol; null for every symbol of the login.</param>
public sealed record CancelAllOrders(LoginId Login, DateTimeOffset Timestamp, Symbol? Symbol = null);
