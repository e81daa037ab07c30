using System.Security.Cryptography;
using Akka.Actor;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Engine.Actors.Monitoring;
using Engine.Actors.Runtime;
using Engine.Actors.Supervision;
using Engine.Host.Api;
using Engine.Host.Cluster;
using Engine.Host.Configuration;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// One <c>engine run</c>: start simulators for <c>sim://</c> logins and rewrite their URLs, start the actor system with
/// <b>Akka.Hosting</b> on the .NET generic host (the status reporter, the <see cref="EngineSupervisor"/>, the stop phases
/// registered with <see cref="CoordinatedShutdown"/>), wait for a stop request (Ctrl+C, SIGTERM, <c>--for</c>) or for
/// the engine to die, then stop the host, which runs the phases (<see cref="EngineStopPlan"/>). Returns the exit code:
/// 0 after a requested stop whose drain left nothing open or unknown, 3 (<c>OrdersLeftOpen</c>) when it did, 1 when the
/// engine died on its own. Start-up failures are thrown to the caller after
/// whatever was already started is stopped.
/// </summary>
public sealed class EngineRuntime
{
    private readonly EngineConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Func<EngineComposition, EngineSupervisorSettings> _tree;

    /// <summary>
    /// A run of <paramref name="configuration"/>, logging through <paramref name="loggerFactory"/> (Akka's own logging goes
    /// to Serilog's <c>Log.Logger</c> through Akka.Logger.Serilog). <paramref name="tree"/> chooses the engine tree from
    /// the composition; null uses <see cref="EngineComposition.Supervisor"/> (tests pass their own children).
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

    /// <summary>Called with the actor system once the engine's actors are created (tests of several nodes in one process).</summary>
    internal Action<ActorSystem>? SystemStarted { get; init; }

    /// <summary>Runs until <paramref name="stop"/> fires, the process is asked to stop, or the engine dies.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var options = _configuration.Options;
        _logger.Starting(_configuration.SourceFile);
        ApiHosting.ThrowIfInsecure(options.Api);
        var fleet = await SimulatorFleet.StartAsync(
            [.. SimulatedVenues.Required(options.Logins).Union(SimulatedFeeds.Required(options.Feeds), StringComparer.Ordinal)],
            options.Simulator,
            _loggerFactory,
            _timeProvider,
            CancellationToken.None);
        try
        {
            var composition = new EngineComposition(options, SimulatedVenues.Rewrite(options.Logins, fleet.Endpoints))
            {
                Feeds = SimulatedFeeds.Rewrite(options.Feeds, fleet.Endpoints),
            };
            await PersistenceHocon.PrepareAsync(options.Journal, options.SnapshotStore, CancellationToken.None);
            await OpenEngineStorageOnceAsync(options.Journal, options.SnapshotStore, _timeProvider);
            _logger.JournalOpen(PersistenceHocon.Describe(options.Journal));
            return await RunHostAsync(composition, fleet, stop);
        }
        finally
        {
            await fleet.DisposeAsync();
        }
    }

    private async Task<int> RunHostAsync(EngineComposition composition, SimulatorFleet fleet, CancellationToken stop)
    {
        var engineDied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actors = new TaskCompletionSource<EngineActors>(TaskCreationOptions.RunContinuationsAsynchronously);
        var drain = new DrainResult();
        using var host = BuildHost(composition, fleet, engineDied, actors, drain);
        await host.StartAsync(CancellationToken.None);
        ControlApiServer? api = null;
        try
        {
            api = await ApiHosting.StartAsync(
                composition, host.Services.GetRequiredService<ActorSystem>(), await actors.Task, _loggerFactory, _timeProvider, CancellationToken.None);
            foreach (var login in composition.Logins)
            {
                _logger.LoginConfigured(login.Name, login.Venue, login.Url);
            }

            _logger.Running();
            var system = host.Services.GetRequiredService<ActorSystem>();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var requested = CancellationTokenSource.CreateLinkedTokenSource(stop, lifetime.ApplicationStopping);
            var stopRequested = Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, requested.Token);
            var first = await Task.WhenAny(stopRequested, engineDied.Task, system.WhenTerminated);
            var died = first != stopRequested;
            if (died)
            {
                _logger.EngineDied();
            }
            else
            {
                _logger.StopRequested();
            }

            await host.StopAsync(CancellationToken.None);
            _logger.Stopped();
            if (died)
            {
                return Cli.ExitCodes.Failure;
            }

            // A drain that started but never answered (its phase timed out) proves nothing was left open: it counts as leftovers.
            return drain.Started && drain.Outcome is not { IsComplete: true } ? Cli.ExitCodes.OrdersLeftOpen : Cli.ExitCodes.Success;
        }
        catch
        {
            await host.StopAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }
    }

    private IHost BuildHost(EngineComposition composition, SimulatorFleet fleet, TaskCompletionSource engineDied, TaskCompletionSource<EngineActors> actors, DrainResult drain)
    {
        var options = composition.Options;
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.Replace(ServiceDescriptor.Singleton(_loggerFactory));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TotalShutdownTime(options.Run.Shutdown));
        var akkaConfig = AkkaConfiguration.Build(_configuration);
        var random = new Random(RandomNumberGenerator.GetInt32(int.MaxValue));
        builder.Services.AddAkka("engine", akka =>
        {
            if (options.Cluster.Enabled)
            {
                // Before the file's HOCON: whatever the akka section sets wins over what Akka.Cluster.Hosting writes.
                akka.WithEngineCluster(options.Cluster, composition.Connections, options.Strategies);
            }

            akka.AddHocon(akkaConfig, HoconAddMode.Prepend);
            akka.AddSetup(new EngineSetup(_timeProvider, random, _loggerFactory));
            akka.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddSerilogLogging();
            });
            akka.WithActors((system, registry) =>
            {
                var loginIds = composition.Logins.Where(l => l.Enabled).Select(l => new LoginId(l.Name)).ToList();
                var marks = composition.Feeds.Where(f => f.Enabled)
                    .SelectMany(f => f.Symbols.SelectMany(symbol => f.Channels
                        .Where(k => k is MarketDataKind.Quotes or MarketDataKind.Trades)
                        .Select(k => new SubscribeMarketData(new FeedId(f.Name), new Symbol(symbol), k))))
                    .ToList();
                var status = system.ActorOf(
                    StatusReporterActor.Props(loginIds, options.Run.StatusInterval, PersistenceHocon.ReadJournalPluginId(options.Journal), marks), "status");
                var (risk, fills) = ApiHosting.CreateActors(system, options);
                var tree = options.Cluster.Enabled ? composition.ClusterSupervisor(registry.Get<LoginRegion>()) : _tree(composition);
                var engine = system.ActorOf(EngineSupervisor.Props(tree), EngineSupervisor.Name);
                var cluster = options.Cluster.Enabled
                    ? ClusterStatusHosting.Start(system, registry.Get<LoginRegion>(), options.Cluster, composition.Logins, options.Run.StatusInterval)
                    : null;
                actors.SetResult(new EngineActors(engine, status, risk, fills, cluster));
                system.ActorOf(TerminationWatcher.Props(engine, engineDied), "engine-watcher");
                registry.Register<EngineSupervisor>(engine);
                var phases = EngineStopPlan.Build(
                    system,
                    engine,
                    [status, risk, fills],
                    () => !engineDied.Task.IsCompleted,
                    EngineComposition.StopStrategiesAsync,
                    async (connections, cancel, timeout, ct) =>
                    {
                        drain.Started = true;
                        drain.Outcome = await EngineComposition.DrainConnectionsAsync(connections, cancel, timeout, ct);
                    },
                    options.Run.CancelWorkingOrdersOnShutdown,
                    options.Run.Shutdown,
                    fleet);
                EngineStopPlan.Register(CoordinatedShutdown.Get(system), phases, _logger, _timeProvider);
                SystemStarted?.Invoke(system);
            });
        });
        return builder.Build();
    }

    /// <summary>
    /// The engine plugin opens its storage only when a persistent actor or a query first needs it; opening it once
    /// here (and closing it again) makes a bad path, connection string or schema fail the start, before any actor runs.
    /// Akka.Persistence.Sql is checked the same way by <see cref="PersistenceHocon.PrepareAsync"/>.
    /// </summary>
    private static async Task OpenEngineStorageOnceAsync(JournalOptions journal, SnapshotStoreOptions snapshots, TimeProvider timeProvider)
    {
        if (journal.ResolvedPlugin() == "engine")
        {
            await (await PersistencePlugins.OpenJournalAsync(journal, timeProvider, CancellationToken.None)).DisposeAsync();
        }

        if (snapshots.ResolvedPlugin() == "engine")
        {
            await (await PersistencePlugins.OpenSnapshotStoreAsync(snapshots, CancellationToken.None)).DisposeAsync();
        }
    }

    /// <summary>Whether the drain phase ran, and what it answered (null when it did not answer). Written by the phase, read after the stop.</summary>
    private sealed class DrainResult
    {
        public bool Started { get; set; }

        public Engine.Actors.Connections.ConnectionsDrained? Outcome { get; set; }
    }

    /// <summary>How long the generic host lets Akka's coordinated shutdown run: every phase's bound, plus slack.</summary>
    private static TimeSpan TotalShutdownTime(ShutdownTimeouts t) =>
        t.StopStrategies + t.DrainConnections + t.TerminateActors + t.FlushJournal + t.StopSimulators + TimeSpan.FromSeconds(10);
}
