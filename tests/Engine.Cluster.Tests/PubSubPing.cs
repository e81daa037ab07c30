namespace Engine.Cluster.Tests;

/// <summary>A probe published by the node of port <paramref name="From"/> (<see cref="ThreeNodeCluster.AwaitPubSubAsync"/>).</summary>
public sealed record PubSubPing(int From);
