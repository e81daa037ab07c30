using Akka.Actor;

namespace Engine.Host.Cluster;

/// <summary>The answer to <see cref="RiskSingletonLocate"/>: the risk actor that serves the cluster now (the one that sends the snapshots).</summary>
/// <param name="Risk">The risk actor inside the current singleton.</param>
public sealed record RiskSingletonHere(IActorRef Risk);
