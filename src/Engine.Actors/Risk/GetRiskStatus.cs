namespace Engine.Actors.Risk;

/// <summary>Asks the risk actor for its <see cref="RiskStatus"/>.</summary>
public sealed record GetRiskStatus
{
    /// <summary>The one instance.</summary>
    public static GetRiskStatus Instance { get; } = new();
}
