using Engine.Actors.Orders;
using Engine.Actors.Monitoring;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// One <c>engine run</c>: start simulators for <c>sim://</c> logins, rewrite their URLs, open persistence, start the
/// actor system with the status reporter and the <see cref="EngineSupervisor"/>, wait for a stop request (Ctrl+C,
/// <c>--for</c>) or for the engine to die, then stop in phases (<see cref="EngineStopPlan"/>). Returns the exit
/// code: 0 after a requested stop, 1 when the engine died on its own. Start-up failures are thrown to the caller
/// after whatever was already started is stopped.
/// </summary>
public sealed class EngineRuntime
{
    private readonly EngineConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Func<EngineComposition, EngineSupervisorSettings> _tree;

    /// <summary>
    /// A run of <paramref name="configuration"/>, logging through <paramref name="loggerFactory"/>. <paramref name="tree"/>
    /// chooses the engine tree from the composition; null uses <see cref="EngineComposition.Supervisor"/> (tests pass
    /// their own children to exercise the host around them).
    /// </summary>
    public EngineRuntime(
        EngineConfiguration configuration, ILoggerFactory loggerFactory, TimeProvider timeProvider, Func<EngineComposition, EngineSupervisorSettings>? tree = null)
    {
        _configuration = configuration;
        _tree = tree ?? (c => c.Supervisor);
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<EngineRuntime>();
    }

    /// <summary>Runs until <paramref name="stop"/> fires or the engine dies.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var options = _configuration.Options;
        _logger.Starting(_configuration.SourceFile);
        var fleet = await SimulatorFleet.StartAsync(
            SimulatedVenues.Required(options.Logins), options.Simulator, _loggerFactory, _timeProvider, CancellationToken.None);
        PersistenceExtension? persistence = null;
        try
        {
            var logins = SimulatedVenues.Rewrite(options.Logins, fleet.Endpoints);
            persistence = await PersistenceExtension.OpenAsync(options.Journal, options.SnapshotStore, OrderJournal.CreateRegistry(), _timeProvider, CancellationToken.None);
            _logger.JournalOpen(options.Journal.Plugin);
            return await RunSystemAsync(new EngineComposition(options, logins, persistence), fleet, stop);
        }
        catch
        {
            if (persistence is not null)
            {
                await persistence.DisposeAsync();
            }

            await fleet.DisposeAsync();
            throw;
        }
    }

    private async Task<int> RunSystemAsync(EngineComposition composition, SimulatorFleet fleet, CancellationToken stop)
    {
        var options = composition.Options;
        var system = ActorSystem.Create("engine", new ActorSystemOptions
        {
            TimeProvider = _timeProvider,
            LoggerFactory = _loggerFactory,
            Throughput = options.Kernel.Throughput,
            AskTimeout = options.Kernel.AskTimeout,
        });
        var loginIds = composition.Logins.Where(l => l.Enabled).Select(l => new LoginId(l.Name)).ToList();
        system.ActorOf(StatusReporterActor.Props(loginIds, options.Run.StatusInterval, composition.Persistence), "status");
        var engine = system.ActorOf(EngineSupervisor.Props(_tree(composition)), EngineSupervisor.Name);
        var died = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(TerminationWatcher.Props(engine, died), "engine-watcher");
        foreach (var login in composition.Logins)
        {
            _logger.LoginConfigured(login.Name, login.Venue, login.QuantGateway?.Url ?? login.Binance?.Url);
        }

        _logger.Running();
        var requested = Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, stop);
        var first = await Task.WhenAny(requested, died.Task, system.WhenTerminated);
        var engineDied = first != requested;
        if (engineDied)
        {
            _logger.EngineDied();
        }
        else
        {
            _logger.StopRequested();
        }

        var phases = EngineStopPlan.Build(
            system,
            engine,
            EngineComposition.StopStrategiesAsync,
            EngineComposition.DrainConnectionsAsync,
            options.Run.CancelWorkingOrdersOnShutdown,
            options.Run.Shutdown,
            composition.Persistence,
            fleet);
        await ShutdownSequence.RunAsync([.. phases.Skip(engineDied ? 2 : 0)], _logger, _timeProvider);
        _logger.Stopped();
        return engineDied ? 1 : 0;
    }
}
