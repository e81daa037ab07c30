namespace Engine.Simulator.Matching;

/// <summary>One price level of synthetic liquidity.</summary>
/// <param name="Price">Level price.</param>
/// <param name="Quantity">Quantity available at that price for one incoming order.</param>
public readonly record struct PriceLevel(decimal Price, decimal Quantity);
