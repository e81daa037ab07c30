namespace Engine.Simulator.Market;

/// <summary>A symbol the synthetic market quotes.</summary>
/// <param name="Symbol">Symbol as the matching engine lists it.</param>
/// <param name="InitialMid">Mid at start.</param>
/// <param name="PriceTick">Prices are rounded to this tick (0 = no rounding).</param>
/// <param name="LevelQuantity">Quantity offered at each level.</param>
public sealed record SyntheticSymbol(string Symbol, decimal InitialMid, decimal PriceTick, decimal LevelQuantity);
