using Akka.Actor;
using Engine.Actors.Cluster;
using Engine.Actors.Connections;
using Engine.Actors.MarketData;
using Engine.Actors.Orders;
using Engine.Actors.Strategies;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;

namespace Engine.Host.Runtime;

/// <summary>
/// The one place where the real engine tree is put together: which Props the engine supervisor builds and which
/// messages the shutdown phases send. Everything else in the host is independent of the actors composed here.
/// Persistence is not passed around: every order book uses the journal and snapshot plugins configured as Akka's
/// defaults (<see cref="AkkaConfiguration"/>).
/// </summary>
/// <param name="Options">The bound configuration.</param>
/// <param name="Logins">The logins with <c>sim://</c> URLs already rewritten to the running simulators.</param>
public sealed record EngineComposition(EngineOptions Options, IReadOnlyList<LoginOptions> Logins)
{
    /// <summary>The feeds with <c>sim://</c> URLs already rewritten to the running simulators; the default is the configured ones as written.</summary>
    public IReadOnlyList<FeedOptions> Feeds { get; init; } = Options.Feeds;

    /// <summary>The logins, their books and their venues' behaviours: what every login's subtree is built from.</summary>
    public ConnectionsSettings Connections => new([.. Logins], login => OrderBookActor.Props(login, Options.Orders));

    /// <summary>What <see cref="EngineSupervisor"/> builds on a single node.</summary>
    public EngineSupervisorSettings Supervisor => new(
        () => ConnectionsSupervisor.Props(Connections),
        connections => StrategyHost.Props(new StrategyHostSettings(Options.Strategies, connections, Options.StrategyHost)))
    {
        Feeds = () => FeedsSupervisor.Props(new FeedsSettings([.. Feeds]) { Record = Options.Record }),
    };

    /// <summary>
    /// What <see cref="EngineSupervisor"/> builds on a cluster node: the logins run as entities of <paramref name="loginRegion"/>
    /// (<see cref="ClusterConnections"/> routes to it) and each strategy runs on the node of its first login.
    /// </summary>
    public EngineSupervisorSettings ClusterSupervisor(IActorRef loginRegion) => new(
        () => ClusterConnections.Props(loginRegion, [.. Logins]),
        connections => StrategyHost.Props(new StrategyHostSettings(Options.Strategies, connections, Options.StrategyHost) { FollowFirstLogin = true }))
    {
        Feeds = () => FeedsSupervisor.Props(new FeedsSettings([.. Feeds]) { Record = Options.Record }),
    };

    /// <summary>Shutdown phase 1: strategies stop quoting and acknowledge.</summary>
    public static Task StopStrategiesAsync(IActorRef strategies, TimeSpan timeout, CancellationToken cancellationToken) =>
        strategies.Ask<StrategiesStopped>(StopStrategies.Instance, timeout, cancellationToken);

    /// <summary>Shutdown phase 2: working orders are canceled when configured, then the connections log out.</summary>
    public static Task<ConnectionsDrained> DrainConnectionsAsync(IActorRef connections, bool cancelWorkingOrders, TimeSpan timeout, CancellationToken cancellationToken) =>
        connections.Ask<ConnectionsDrained>(new DrainConnections(cancelWorkingOrders), timeout, cancellationToken);
}
