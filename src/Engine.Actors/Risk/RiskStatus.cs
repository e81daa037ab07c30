using System.Collections.Immutable;

namespace Engine.Actors.Risk;

/// <summary>The risk actor's answer to <see cref="GetRiskStatus"/>. Immutable.</summary>
/// <param name="Timestamp">When it was taken.</param>
/// <param name="Scopes">The engine, every login and strategy seen, with their state.</param>
/// <param name="Positions">Every (login, strategy, symbol) that has traded.</param>
/// <param name="RejectStreaks">Venue rejections in a row per login.</param>
/// <param name="NotReadySince">Logins not Ready, with the time they left Ready (or were first seen not Ready).</param>
/// <param name="Options">The configured limits.</param>
public sealed record RiskStatus(
    DateTimeOffset Timestamp,
    ImmutableArray<ScopeStatus> Scopes,
    ImmutableArray<RiskPosition> Positions,
    ImmutableDictionary<string, int> RejectStreaks,
    ImmutableDictionary<string, DateTimeOffset> NotReadySince,
    RiskOptions Options);
