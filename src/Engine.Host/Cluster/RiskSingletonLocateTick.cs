namespace Engine.Host.Cluster;

/// <summary>The <see cref="RiskSingletonClient"/>'s timer: ask again which risk actor serves, while none is known.</summary>
internal sealed record RiskSingletonLocateTick
{
    /// <summary>The only instance.</summary>
    public static RiskSingletonLocateTick Instance { get; } = new();
}
