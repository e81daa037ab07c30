using Engine.Simulator.Matching;

namespace Engine.Simulator.Market;

/// <summary>
/// One published change of a symbol's book: update ids <paramref name="FirstUpdateId"/> to
/// <paramref name="FinalUpdateId"/>, absolute quantities per changed level (zero removes it).
/// </summary>
public sealed record DepthChange(string Symbol, long FirstUpdateId, long FinalUpdateId, IReadOnlyList<PriceLevel> Bids, IReadOnlyList<PriceLevel> Asks);
