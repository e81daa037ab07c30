namespace Engine.Host.Cluster;

/// <summary>
/// The singleton manager's hand-over message to <see cref="RiskSingletonHost"/>: stop once the risk actor has journaled
/// what it was journaling, so the next singleton's recovery sees every state change and writes after them.
/// </summary>
public sealed record RiskSingletonStop
{
    /// <summary>The only instance.</summary>
    public static RiskSingletonStop Instance { get; } = new();
}
