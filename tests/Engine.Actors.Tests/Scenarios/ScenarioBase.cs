using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Simulator.Hosting;
using Engine.TestKit;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// The real connection tree (supervisor, connection, transport, heartbeat, correlator, budget, the real order
/// book on a SQLite temp file) against a real venue simulator over loopback, one simulator and one journal per
/// test. The engine runs on virtual time, so its timers (heartbeat, request deadlines, reconnect backoff) move
/// only when a test advances them; each venue's base says which clock its simulator runs on, how its login is
/// configured and which connection behaviour the engine uses.
/// </summary>
public abstract partial class ScenarioBase : TestKitBase, IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"engine-scenario-{Guid.NewGuid():N}.db");
    private readonly string _venue;
    private readonly int _advanceSteps;
    private int _engines;

    /// <param name="venue">The simulator's venue and the logins' <see cref="LoginOptions.Venue"/> (both use the same names).</param>
    /// <param name="login">The login the scenarios trade on.</param>
    /// <param name="symbol">The symbol the scenarios trade by default.</param>
    /// <param name="advanceSteps">How many time steps <see cref="AdvanceUntil{T}"/> takes at most unless told otherwise.</param>
    protected ScenarioBase(string venue, LoginId login, Symbol symbol, int advanceSteps)
        : base(defaultTimeout: TimeSpan.FromSeconds(10))
    {
        _venue = venue;
        _advanceSteps = advanceSteps;
        Login = login;
        Btc = symbol;
        Events = CreateTestProbe("events");
        States = CreateTestProbe("states");
        Strategy = CreateTestProbe("strategy");
        Sys.EventStream.Subscribe(States.Ref, typeof(ConnectionStateChanged));
        Sys.EventStream.Subscribe(Events.Ref, typeof(IEngineEvent));
    }

    protected LoginId Login { get; }

    protected Symbol Btc { get; }

    protected SimulatorHost Simulator { get; private set; } = null!;

    protected SimulatorControlClient Control { get; private set; } = null!;

    protected PersistenceExtension Persistence { get; private set; } = null!;

    protected TestProbe Events { get; }

    protected TestProbe Strategy { get; }

    /// <summary>Receives only <see cref="ConnectionStateChanged"/>, so state expectations never discard order events.</summary>
    protected TestProbe States { get; }

    protected IActorRef Connections { get; private set; } = ActorRefs.Nobody;

    /// <summary>The clock the simulator runs on; null is the system clock.</summary>
    protected virtual TimeProvider? SimulatorClock => null;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(_venue, CreateSimulatorOptions(), port: 0, timeProvider: SimulatorClock);
        Control = Simulator.CreateControlClient();
        Persistence = await PersistenceExtension.OpenAsync(
            new JournalOptions { Plugin = "sqlite", Sqlite = new() { Path = _database } },
            new SnapshotStoreOptions { Plugin = "sqlite", Sqlite = new() { Path = _database } },
            OrderJournal.CreateRegistry(),
            TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        Control.Dispose();
        await Simulator.DisposeAsync();
        await Persistence.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Starts a new engine incarnation (connections supervisor) on the shared journal; no logins means <see cref="DefaultLogin"/>.</summary>
    protected IActorRef StartEngine(params LoginOptions[] logins)
    {
        var settings = new ConnectionsSettings(
            logins.Length == 0 ? [DefaultLogin()] : [.. logins],
            Persistence,
            id => OrderBookActor.Props(id, Persistence, new OrderBookOptions { SnapshotEvery = 0 }));
        Connections = Sys.ActorOf(ConnectionsSupervisor.Props(ForVenue(settings)), $"connections-{++_engines}");
        return Connections;
    }

    /// <summary>Stops the engine incarnation and waits until it is gone.</summary>
    protected void StopEngine()
    {
        var watcher = CreateTestProbe();
        watcher.Watch(Connections);
        Sys.Stop(Connections);
        watcher.ExpectTerminated(Connections, Wait);
    }

    /// <summary>The venue-neutral part of <see cref="Login"/>'s options: quick reconnects without jitter, no venue section.</summary>
    protected LoginOptions ScenarioLogin() => new()
    {
        Name = Login.Value,
        Venue = _venue,
        ReconnectMinBackoff = TimeSpan.FromSeconds(1),
        ReconnectMaxBackoff = TimeSpan.FromSeconds(2),
        ReconnectRandomFactor = 0,
    };

    /// <summary>The simulator's settings for this test class.</summary>
    protected abstract SimulatorOptions CreateSimulatorOptions();

    /// <summary>The login <see cref="StartEngine"/> starts when given none.</summary>
    protected abstract LoginOptions DefaultLogin();

    /// <summary>The venue's changes to the engine settings (its connection behaviour, its checks); unchanged by default.</summary>
    protected virtual ConnectionsSettings ForVenue(ConnectionsSettings settings) => settings;
}
