using Akka.Actor;

namespace Engine.Host.Api;

/// <summary>The actors the API talks to.</summary>
/// <param name="Engine">The engine supervisor (<c>/user/engine</c>): the connections and strategy host are its children.</param>
/// <param name="Status">The status reporter (<c>/user/status</c>).</param>
/// <param name="Risk">The risk actor (<c>/user/risk</c>).</param>
/// <param name="Fills">The fill tape.</param>
/// <param name="Cluster">The cluster status (<c>/user/cluster-status</c>) on a cluster node; null on a single node.</param>
public sealed record EngineActors(IActorRef Engine, IActorRef Status, IActorRef Risk, IActorRef Fills, IActorRef? Cluster = null);
