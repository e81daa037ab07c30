namespace Engine.Simulator.Matching;

/// <summary>Whether a fill added liquidity (resting order) or removed it (incoming order).</summary>
public enum Liquidity
{
    /// <summary>The filled order was resting in the book.</summary>
    Maker,

    /// <summary>The filled order crossed the book on arrival.</summary>
    Taker,
}
