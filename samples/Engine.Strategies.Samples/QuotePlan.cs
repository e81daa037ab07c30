namespace Engine.Strategies.Samples;

/// <summary>The quotes the maker wants now; a null side is not quoted (inventory limit, or size below the symbol's minimum).</summary>
public sealed record QuotePlan(Quote? Bid, Quote? Ask);
