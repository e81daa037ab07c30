using Akka.Actor;
using Engine.Messages.Risk;

namespace Engine.Host.Cluster;

/// <summary>
/// A change of trading state, published by the risk singleton's node on the <see cref="RiskSingleton.StateTopic"/> so
/// every other node's <see cref="RiskSingletonClient"/> republishes it on its own event stream (metrics, dashboards).
/// </summary>
/// <param name="Origin">The node of the singleton that journaled it (whose stream already has it).</param>
/// <param name="Changed">The journaled change.</param>
public sealed record RiskSingletonStateChange(Address Origin, TradingStateChanged Changed);
