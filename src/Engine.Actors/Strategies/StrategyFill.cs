using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Strategies;

/// <summary>
/// One execution of an order of the strategy's logins (from <see cref="OrderPartiallyFilled"/> or
/// <see cref="OrderFilled"/>), joined with the order when this incarnation submitted it.
/// </summary>
/// <param name="Login">The login the fill belongs to.</param>
/// <param name="ClientOrderId">The order that filled.</param>
/// <param name="FillId">The venue's fill id (fills are de-duplicated upstream by it).</param>
/// <param name="Price">This fill's price.</param>
/// <param name="Quantity">This fill's quantity (not cumulative).</param>
/// <param name="CompletesOrder">True for the fill that completes the order.</param>
/// <param name="Timestamp">When the venue reported it.</param>
/// <param name="Order">The order as tracked after this fill; null when this incarnation did not submit it (an order of a previous incarnation or of another client of the login).</param>
public sealed record StrategyFill(
    LoginId Login,
    ClientOrderId ClientOrderId,
    FillId FillId,
    decimal Price,
    decimal Quantity,
    bool CompletesOrder,
    DateTimeOffset Timestamp,
    StrategyOrder? Order)
{
    /// <summary>The order's side when known; null for orders this incarnation did not submit.</summary>
    public OrderSide? Side => Order?.Side;

    /// <summary>Signed base quantity: positive for a buy, negative for a sell, zero when the side is unknown.</summary>
    public decimal SignedQuantity => Side switch
    {
        OrderSide.Buy => Quantity,
        OrderSide.Sell => -Quantity,
        _ => 0m,
    };
}
