using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Kernel.Actors;

namespace Engine.Host.Runtime;

/// <summary>
/// The phases of stopping a running engine, in order: stop strategies, drain connections (cancelling working orders
/// when configured), terminate the actor system, flush and close the journal, stop the simulators. The first two
/// phases reach the children through <see cref="GetEngineChildren"/>; if the engine is already gone they have
/// nothing to do. The last three always run.
/// </summary>
public static class EngineStopPlan
{
    /// <summary>Phase names, in order, as they appear in the log.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } =
        ["stop strategies", "drain connections", "terminate actors", "flush journal", "stop simulators"];

    /// <summary>Builds the phases for one run.</summary>
    /// <param name="system">The actor system to terminate.</param>
    /// <param name="engine">The <see cref="EngineSupervisor"/>.</param>
    /// <param name="stopStrategies">Asks the strategies child to stop (phase 1).</param>
    /// <param name="drainConnections">Asks the connections child to drain, with the cancel flag (phase 2).</param>
    /// <param name="cancelWorkingOrders">Whether phase 2 cancels working orders.</param>
    /// <param name="timeouts">Bound of each phase.</param>
    /// <param name="journal">Disposed in phase 4 (flushes queued writes).</param>
    /// <param name="simulators">Disposed in phase 5.</param>
    public static IReadOnlyList<ShutdownPhase> Build(
        ActorSystem system,
        IActorRef engine,
        Func<IActorRef, TimeSpan, CancellationToken, Task> stopStrategies,
        Func<IActorRef, bool, TimeSpan, CancellationToken, Task> drainConnections,
        bool cancelWorkingOrders,
        ShutdownTimeouts timeouts,
        IAsyncDisposable journal,
        IAsyncDisposable simulators)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(timeouts);
        return
        [
            new(PhaseNames[0], timeouts.StopStrategies, async ct =>
            {
                if (await ChildrenAsync(system, engine, timeouts.StopStrategies, ct) is { Strategies: var strategies } && !strategies.Equals(ActorRefs.Nobody))
                {
                    await stopStrategies(strategies, timeouts.StopStrategies, ct);
                }
            }),
            new(PhaseNames[1], timeouts.DrainConnections, async ct =>
            {
                if (await ChildrenAsync(system, engine, timeouts.DrainConnections, ct) is { Connections: var connections } && !connections.Equals(ActorRefs.Nobody))
                {
                    await drainConnections(connections, cancelWorkingOrders, timeouts.DrainConnections, ct);
                }
            }),
            new(PhaseNames[2], timeouts.TerminateActors, ct => system.Terminate().WaitAsync(ct)),
            new(PhaseNames[3], timeouts.FlushJournal, ct => journal.DisposeAsync().AsTask().WaitAsync(ct)),
            new(PhaseNames[4], timeouts.StopSimulators, ct => simulators.DisposeAsync().AsTask().WaitAsync(ct)),
        ];
    }

    private static async Task<EngineChildren?> ChildrenAsync(ActorSystem system, IActorRef engine, TimeSpan timeout, CancellationToken ct)
    {
        if (system.WhenTerminated.IsCompleted)
        {
            return null;
        }

        try
        {
            return await engine.Ask<EngineChildren>(GetEngineChildren.Instance, timeout, ct);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
