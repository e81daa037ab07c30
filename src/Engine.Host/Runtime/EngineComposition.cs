using Engine.Actors.Connections;
using Engine.Actors.Strategies;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;

namespace Engine.Host.Runtime;

/// <summary>
/// The one place where the real engine tree is put together: which Props the engine supervisor builds and which
/// messages the shutdown phases send. Everything else in the host is independent of the actors composed here.
/// Until the connection tree and the strategy host are merged, their places hold <see cref="NotWiredYetActor"/>
/// stand-ins; the lines marked "composition seam" are the ones to replace.
/// </summary>
/// <param name="Options">The bound configuration.</param>
/// <param name="Logins">The logins with <c>sim://</c> URLs already rewritten to the running simulators.</param>
/// <param name="Persistence">The opened journal and snapshot store, shared by every order book.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "The composition seams read Logins, Persistence and Options once the real actors replace the stand-ins.")]
public sealed record EngineComposition(EngineOptions Options, IReadOnlyList<LoginOptions> Logins, PersistenceExtension Persistence)
{
    /// <summary>What <see cref="EngineSupervisor"/> builds.</summary>
    public EngineSupervisorSettings Supervisor => new(
        // composition seam: ConnectionsSupervisor.Props over the enabled Logins, Persistence and OrderBookActor.Props per login.
        () => NotWiredYetActor.Props("connections"),
        connections => StrategyHost.Props(new StrategyHostSettings(Options.Strategies, connections, Options.StrategyHost)));

    /// <summary>Shutdown phase 1: strategies stop quoting and acknowledge.</summary>
    public Task StopStrategiesAsync(IActorRef strategies, TimeSpan timeout, CancellationToken cancellationToken) =>
        strategies.Ask<StrategiesStopped>(StopStrategies.Instance, timeout, cancellationToken);

    /// <summary>Shutdown phase 2: working orders are canceled when configured, then the connections log out.</summary>
    public Task DrainConnectionsAsync(IActorRef connections, bool cancelWorkingOrders, TimeSpan timeout, CancellationToken cancellationToken) =>
        // composition seam: ask DrainConnections(cancelWorkingOrders), expect ConnectionsDrained.
        connections.Ask<object>(new StopPlaceholder(cancelWorkingOrders ? "cancel working orders and drain" : "drain"), timeout, cancellationToken);

    /// <summary>The request a <see cref="NotWiredYetActor"/> echoes during shutdown.</summary>
    private sealed record StopPlaceholder(string Phase);
}
