namespace Engine.Messages.Orders;

/// <summary>How an order is priced; how long it lives is <see cref="TimeInForce"/>.</summary>
public enum OrderType
{
    /// <summary>Rests at a limit price; requires a price.</summary>
    Limit,

    /// <summary>Executes at the best available prices; carries no price.</summary>
    Market,

    /// <summary>A limit order that the venue rejects instead of letting it take liquidity (post-only).</summary>
    LimitMaker,
}
