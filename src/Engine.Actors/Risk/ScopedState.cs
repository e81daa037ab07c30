using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>The trading state of one scope an order belongs to, with what the scope holds (for reduce-only).</summary>
public sealed record ScopedState(RiskScope Scope, TradingState State, Exposure Exposure);
