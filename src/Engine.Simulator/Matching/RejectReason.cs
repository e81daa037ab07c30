namespace Engine.Simulator.Matching;

/// <summary>Why the matching engine refused an order or a cancel. Venue layers map each to their own text.</summary>
public enum RejectReason
{
    /// <summary>The symbol is not listed in the engine.</summary>
    UnknownSymbol,

    /// <summary>The account is not known to the engine.</summary>
    UnknownAccount,

    /// <summary>Quantity is zero or negative.</summary>
    InvalidQuantity,

    /// <summary>A priced order has a zero or negative price.</summary>
    InvalidPrice,

    /// <summary>The price is not a multiple of the symbol's price tick.</summary>
    PriceTick,

    /// <summary>The quantity is not a multiple of the symbol's size tick.</summary>
    SizeTick,

    /// <summary>The quantity is below the symbol's minimum size.</summary>
    MinSize,

    /// <summary>Price times quantity is below the symbol's minimum notional.</summary>
    MinNotional,

    /// <summary>The spot wallet cannot cover the amount to lock.</summary>
    InsufficientBalance,

    /// <summary>The futures wallet cannot cover the initial margin and fee.</summary>
    InsufficientMargin,

    /// <summary>A close order exceeds the position that is not already being closed.</summary>
    InsufficientPosition,

    /// <summary>A market order found no liquidity at all.</summary>
    NoLiquidity,

    /// <summary>A post-only order would have crossed.</summary>
    WouldTakeLiquidity,

    /// <summary>A cancel names an order that is unknown, not the account's, or already terminal.</summary>
    UnknownOrder,

    /// <summary>Refused by an injected fault, not by a rule.</summary>
    Injected,
}
