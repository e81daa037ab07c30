using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Simulator.Hosting;
using Engine.TestKit;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// The real connection tree (supervisor, backoff supervisors, connection, transport, heartbeat, correlator, budget,
/// the real order book on the system's Akka.Persistence journal) against a real venue simulator over loopback, one
/// simulator and one actor system per test. The engine runs on virtual time: Akka's <c>TestScheduler</c> and the
/// engine clock are one <see cref="VirtualClock"/>, started on a whole minute, so its timers (heartbeat, request
/// deadlines, reconnect backoff, backoff-supervisor restarts) move only when a test advances them, while the venue and
/// the sockets run in real time. (Akka's real-time scheduler would run those actor timers on the wall clock: a test
/// could neither freeze the heartbeat nor skip a backoff, and the outcome would depend on the machine's speed.) Each
/// venue's base says which clock its simulator runs on, how its login is configured and which connection behaviour the
/// engine uses. The journal is the engine's default one, the engine's Akka.Persistence plugin on a real SQLite file
/// (one per test, with the order journal's serializer and adapters) or, when a test class asks for it, on a schema of
/// its own on PostgreSQL (<see cref="ScenarioJournal"/>): a new engine incarnation (<see cref="StopEngine"/>,
/// <see cref="StartEngine"/>) recovers from what the previous one wrote to the file. Its Akka-side timeouts (the
/// plugins' circuit-breaker calls, recovery) run on Akka's scheduler, here the virtual one: they are set beyond any
/// scenario's virtual time, so advancing time never fails a real write that is still in flight.
/// </summary>
public abstract partial class ScenarioBase : EngineTestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly ScenarioJournal _journal;
    private readonly string _venue;
    private readonly int _advanceSteps;
    private int _engines;

    /// <param name="venue">The simulator's venue and the logins' <see cref="LoginOptions.Venue"/> (both use the same names).</param>
    /// <param name="login">The login the scenarios trade on.</param>
    /// <param name="symbol">The symbol the scenarios trade by default.</param>
    /// <param name="advanceSteps">How many time steps <see cref="AdvanceUntil{T}"/> takes at most unless told otherwise.</param>
    /// <param name="journal">The journal's database; a SQLite file of the test's own when null.</param>
    protected ScenarioBase(string venue, LoginId login, Symbol symbol, int advanceSteps, ScenarioJournal? journal = null)
        : base(new EngineTestKitOptions { AkkaConfig = (journal ??= ScenarioJournal.Sqlite()).AkkaConfig() })
    {
        _journal = journal;
        _venue = venue;
        _advanceSteps = advanceSteps;
        Login = login;
        Btc = symbol;

        // Akka's TestScheduler starts at the wall time: move the virtual clock to the next whole minute before anything
        // runs, so that clock-aligned venue windows (Binance's rate windows, retry times) fall the same way in every run.
        var now = UtcNow;
        Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute));

        Events = CreateTestProbe("events");
        States = CreateTestProbe("states");
        Strategy = CreateTestProbe("strategy");
        Sys.EventStream.Subscribe(States.Ref, typeof(ConnectionStateChanged));
        Sys.EventStream.Subscribe(Events.Ref, typeof(IEngineEvent));
    }

    protected LoginId Login { get; }

    protected Symbol Btc { get; }

    protected SimulatorFixture Simulator { get; private set; } = null!;

    protected SimulatorControlClient Control => Simulator.Control;

    protected TestProbe Events { get; }

    protected TestProbe Strategy { get; }

    /// <summary>Receives only <see cref="ConnectionStateChanged"/>, so state expectations never discard order events.</summary>
    protected TestProbe States { get; }

    protected IActorRef Connections { get; private set; } = ActorRefs.Nobody;

    /// <summary>The clock the simulator runs on; null is the system clock.</summary>
    protected virtual TimeProvider? SimulatorClock => null;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorFixture.StartAsync(_venue, CreateSimulatorOptions(), SimulatorClock);
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await Simulator.DisposeAsync();
        await _journal.DisposeAsync();
    }

    /// <summary>Starts a new engine incarnation (connections supervisor) on the shared journal; no logins means <see cref="DefaultLogin"/>.</summary>
    protected IActorRef StartEngine(params LoginOptions[] logins)
    {
        var settings = new ConnectionsSettings(
            logins.Length == 0 ? [DefaultLogin()] : [.. logins],
            id => OrderBookActor.Props(id, new OrderBookOptions { SnapshotEvery = 0 }));
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

    /// <summary>Asserts that every login of <paramref name="settings"/> is valid, as the engine would require at start-up; returns them.</summary>
    protected static ConnectionsSettings Validated(ConnectionsSettings settings)
    {
        foreach (var login in settings.Logins)
        {
            Assert.Empty(login.Validate());
        }

        return settings;
    }
}
