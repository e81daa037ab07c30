using Akka;
using Akka.Actor;
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Persistence.Plugin;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// The phases of stopping a running engine, in order, and the Akka <see cref="CoordinatedShutdown"/> phase each runs
/// in: stop strategies (<c>service-unbind</c>), drain connections, cancelling working orders when configured
/// (<c>service-requests-done</c>), stop the engine's actors, children first (<c>service-stop</c>), flush the journal:
/// the journal and snapshot plugin actors stop, and the engine journal's queued writes are committed and its storage
/// closed (<c>before-actor-system-terminate</c>), stop the simulators (<c>actor-system-terminate</c>, beside Akka's own
/// termination; no actor is left by then). The first two phases reach the children through
/// <see cref="GetEngineChildren"/>; when the engine is already gone they have nothing to do. Each phase is bounded by
/// its timeout (<see cref="ShutdownTimeouts"/>) and logged by <see cref="ShutdownPhaseRunner"/>.
/// </summary>
public static class EngineStopPlan
{
    /// <summary>Phase names, in order, as they appear in the log.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } =
        ["stop strategies", "drain connections", "terminate actors", "flush journal", "stop simulators"];

    /// <summary>The <see cref="CoordinatedShutdown"/> phase of each of <see cref="PhaseNames"/>, in the same order.</summary>
    public static IReadOnlyList<string> AkkaPhases { get; } =
    [
        CoordinatedShutdown.PhaseServiceUnbind,
        CoordinatedShutdown.PhaseServiceRequestsDone,
        CoordinatedShutdown.PhaseServiceStop,
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate,
        CoordinatedShutdown.PhaseActorSystemTerminate,
    ];

    /// <summary>Builds the phases for one run.</summary>
    /// <param name="system">The actor system whose actors and persistence plugins are stopped.</param>
    /// <param name="engine">The <see cref="EngineSupervisor"/>.</param>
    /// <param name="others">Other top-level engine actors stopped in phase 3 (the status reporter).</param>
    /// <param name="engineAlive">False once the engine died on its own: phases 1 and 2 then have nothing to do.</param>
    /// <param name="stopStrategies">Asks the strategies child to stop (phase 1).</param>
    /// <param name="drainConnections">Asks the connections child to drain, with the cancel flag (phase 2).</param>
    /// <param name="cancelWorkingOrders">Whether phase 2 cancels working orders.</param>
    /// <param name="timeouts">Bound of each phase.</param>
    /// <param name="simulators">Disposed in phase 5.</param>
    public static IReadOnlyList<ShutdownPhase> Build(
        ActorSystem system,
        IActorRef engine,
        IReadOnlyList<IActorRef> others,
        Func<bool> engineAlive,
        Func<IActorRef, TimeSpan, CancellationToken, Task> stopStrategies,
        Func<IActorRef, bool, TimeSpan, CancellationToken, Task> drainConnections,
        bool cancelWorkingOrders,
        ShutdownTimeouts timeouts,
        IAsyncDisposable simulators)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(timeouts);
        return
        [
            new(PhaseNames[0], timeouts.StopStrategies, async ct =>
            {
                if (engineAlive() && await ChildrenAsync(engine, timeouts.StopStrategies, ct) is { Strategies: var strategies } && !strategies.IsNobody())
                {
                    await stopStrategies(strategies, timeouts.StopStrategies, ct);
                }
            }),
            new(PhaseNames[1], timeouts.DrainConnections, async ct =>
            {
                if (engineAlive() && await ChildrenAsync(engine, timeouts.DrainConnections, ct) is { Connections: var connections } && !connections.IsNobody())
                {
                    await drainConnections(connections, cancelWorkingOrders, timeouts.DrainConnections, ct);
                }
            }),
            new(PhaseNames[2], timeouts.TerminateActors, ct =>
                Task.WhenAll(others.Prepend(engine).Select(a => a.GracefulStop(timeouts.TerminateActors))).WaitAsync(ct)),
            new(PhaseNames[3], timeouts.FlushJournal, async ct =>
            {
                var persistence = Akka.Persistence.Persistence.Instance.Apply(system);
                await Task.WhenAll(
                    persistence.JournalFor(null).GracefulStop(timeouts.FlushJournal),
                    persistence.SnapshotStoreFor(null).GracefulStop(timeouts.FlushJournal)).WaitAsync(ct);
                await EngineJournalRegistry.For(system).WhenClosedAsync().WaitAsync(ct);
            }),
            new(PhaseNames[4], timeouts.StopSimulators, ct => simulators.DisposeAsync().AsTask().WaitAsync(ct)),
        ];
    }

    /// <summary>
    /// Adds each of <paramref name="phases"/> (as built by <see cref="Build"/>) to its Akka phase, run and logged by
    /// <see cref="ShutdownPhaseRunner"/>.
    /// </summary>
    public static void Register(CoordinatedShutdown shutdown, IReadOnlyList<ShutdownPhase> phases, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(shutdown);
        ArgumentNullException.ThrowIfNull(phases);
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var number = i + 1;
            shutdown.AddTask(AkkaPhases[i], phase.Name.Replace(' ', '-'), async () =>
            {
                await ShutdownPhaseRunner.RunAsync(phase, number, phases.Count, logger, timeProvider);
                return Done.Instance;
            });
        }
    }

    /// <summary>
    /// The Akka timeouts of the phases used: each one second longer than ours, so that <see cref="ShutdownPhaseRunner"/>
    /// reports an overrun first and Akka then goes on to the next phase (<c>recover = on</c>).
    /// </summary>
    public static AkkaConfig PhaseTimeouts(ShutdownTimeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        TimeSpan[] ours = [timeouts.StopStrategies, timeouts.DrainConnections, timeouts.TerminateActors, timeouts.FlushJournal, timeouts.StopSimulators];
        var lines = AkkaPhases.Select((phase, i) =>
            $"akka.coordinated-shutdown.phases.{phase}.timeout = {(long)(ours[i] + TimeSpan.FromSeconds(1)).TotalMilliseconds}ms");
        return ConfigurationFactory.ParseString(string.Join('\n', lines));
    }

    private static async Task<EngineChildren?> ChildrenAsync(IActorRef engine, TimeSpan timeout, CancellationToken ct)
    {
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
