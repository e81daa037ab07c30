using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Engine.Actors.Risk;
using Engine.Messages.Identifiers;

namespace Engine.Host.Cluster;

/// <summary>
/// The risk actor of a cluster: one <see cref="RiskActor"/> in the whole cluster (persistence id <c>risk</c> has one
/// writer), run by an Akka.Cluster.Tools <see cref="ClusterSingletonManager"/> (<c>/user/risk-singleton</c> on every node,
/// the actor itself under the oldest node's manager, inside a <see cref="RiskSingletonHost"/>), and on every node a
/// <see cref="RiskSingletonClient"/> at <see cref="RiskActor.Path"/>, so the order books' <see cref="RiskGate"/> finds it
/// exactly as on a single node (subscription, <c>Identify</c>, snapshots) and the operator surface's commands and questions
/// reach it from any node. Its <see cref="Engine.Messages.Risk.TradingStateChanged"/> events reach every node's event stream.
/// </summary>
public static class RiskSingleton
{
    /// <summary>Name of the singleton manager under <c>/user</c>.</summary>
    public const string ManagerName = "risk-singleton";

    /// <summary>The distributed pub-sub topic of the singleton's trading state changes (<see cref="RiskSingletonStateChange"/>).</summary>
    public const string StateTopic = "risk-states";

    /// <summary>Path of the singleton manager on every node.</summary>
    public const string ManagerPath = "/user/" + ManagerName;

    /// <summary>
    /// Starts the manager of the singleton made of <paramref name="risk"/> and the node's client at <see cref="RiskActor.Path"/>,
    /// which it returns. <paramref name="logins"/> are every configured login (the singleton hears all their events);
    /// <paramref name="followed"/> those whose events the node's <c>LoginEventRelay</c> already republishes locally.
    /// </summary>
    public static IActorRef Start(ActorSystem system, Props risk, IEnumerable<LoginId> logins, IEnumerable<LoginId> followed)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentNullException.ThrowIfNull(followed);
        system.ActorOf(
            ClusterSingletonManager.Props(
                RiskSingletonHost.Props(risk, [.. logins.Distinct()], [.. followed]),
                RiskSingletonStop.Instance,
                ClusterSingletonManagerSettings.Create(system)),
            ManagerName);
        return system.ActorOf(RiskSingletonClient.Props(ClusterSingletonProxySettings.Create(system)), RiskActor.Name);
    }
}
