using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>The limits of one scope an order belongs to, with what the scope holds.</summary>
public sealed record ScopedLimits(RiskScope Scope, RiskLimits Limits, Exposure Exposure);
