namespace Engine.Cluster.Tests;

/// <summary>Multi-node tests run one at a time: each starts three actor systems and a venue on loopback.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
