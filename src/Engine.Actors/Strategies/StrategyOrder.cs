using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Strategies;

/// <summary>
/// An order this strategy incarnation submitted and that has not reached a terminal status yet, as the strategy
/// base class tracks it from the order events of its logins. Immutable; replaced on every change.
/// </summary>
/// <param name="Login">The login that placed it.</param>
/// <param name="ClientOrderId">Its id, issued by the strategy.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market or limit-maker.</param>
/// <param name="Quantity">The ordered quantity.</param>
/// <param name="Price">The limit price; null for market orders.</param>
/// <param name="Status">The latest status the events told (starts at <see cref="OrderStatus.Submitted"/> when the command is told).</param>
/// <param name="FilledQuantity">Sum of the fills received so far.</param>
/// <param name="CancelRequested">True once the strategy asked to cancel it.</param>
public sealed record StrategyOrder(
    LoginId Login,
    ClientOrderId ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price,
    OrderStatus Status = OrderStatus.Submitted,
    decimal FilledQuantity = 0m,
    bool CancelRequested = false)
{
    /// <summary>Quantity not yet filled.</summary>
    public decimal Remaining => Quantity - FilledQuantity;
}
