namespace Engine.Messages.MarketData;

/// <summary>One price level of an L2 book: the whole quantity resting at <paramref name="Price"/>; in a delta a zero quantity removes the level.</summary>
/// <param name="Price">Level price.</param>
/// <param name="Quantity">Absolute quantity at that price (not a change).</param>
public readonly record struct BookLevel(decimal Price, decimal Quantity);
