namespace Engine.Messages.Orders;

/// <summary>Whether a fill added or removed liquidity; venues that do not say report <see cref="Unknown"/>.</summary>
public enum Liquidity
{
    /// <summary>The venue did not say.</summary>
    Unknown,

    /// <summary>The order was resting and was hit.</summary>
    Maker,

    /// <summary>The order crossed the book.</summary>
    Taker,
}
