namespace Engine.Host.Cluster;

/// <summary>
/// A node's <see cref="RiskSingletonClient"/> asks the singleton, through the singleton proxy, which risk actor serves now;
/// answered with <see cref="RiskSingletonHere"/>.
/// </summary>
public sealed record RiskSingletonLocate
{
    /// <summary>The only instance.</summary>
    public static RiskSingletonLocate Instance { get; } = new();
}
