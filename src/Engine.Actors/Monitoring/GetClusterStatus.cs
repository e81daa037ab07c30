namespace Engine.Actors.Monitoring;

/// <summary>Asks the node's <see cref="ClusterStatusActor"/> for the cluster as it sees it; answered with <see cref="ClusterStatus"/>.</summary>
public sealed record GetClusterStatus
{
    /// <summary>The one instance.</summary>
    public static GetClusterStatus Instance { get; } = new();
}
