using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Actors.Venues.QuantGateway;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Kernel.Persistence.Journal;
using Engine.Kernel.Persistence.Snapshots;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;
using Engine.TestKit;
using SimOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// The real connection tree (supervisor, connection, transport, heartbeat, correlator, budget, the real
/// order book on a SQLite temp file) against the real quant gateway simulator over loopback. The simulator
/// runs on the system clock with short delays; the engine runs on virtual time, so its timers (heartbeat,
/// request deadlines, reconnect backoff) move only when a test advances them.
/// </summary>
public abstract class QuantGatewayScenarioBase : TestKitBase, IAsyncLifetime
{
    protected static readonly LoginId Login = new("qg-1");
    protected static readonly Symbol Btc = new("BTC/USDT");
    protected static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"engine-scenario-{Guid.NewGuid():N}.db");
    private int _engines;

    protected QuantGatewayScenarioBase()
        : base(defaultTimeout: TimeSpan.FromSeconds(10))
    {
        Events = CreateTestProbe("events");
        States = CreateTestProbe("states");
        Sys.EventStream.Subscribe(States.Ref, typeof(ConnectionStateChanged));
        Strategy = CreateTestProbe("strategy");
        Sys.EventStream.Subscribe(Events.Ref, typeof(IEngineEvent));
    }

    protected SimulatorHost Simulator { get; private set; } = null!;

    protected SimulatorControlClient Control { get; private set; } = null!;

    protected PersistenceExtension Persistence { get; private set; } = null!;

    protected TestProbe Events { get; }

    protected TestProbe Strategy { get; }

    /// <summary>Receives only <see cref="ConnectionStateChanged"/>, so state expectations never discard order events.</summary>
    protected TestProbe States { get; }

    protected IActorRef Connections { get; private set; } = ActorRefs.Nobody;

    /// <summary>The simulator's settings; override for idle-close tests.</summary>
    protected virtual SimOptions SimulatorVenueOptions => new() { ReadyDelay = TimeSpan.FromMilliseconds(50) };

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync("quant-gateway", new SimulatorOptions { QuantGateway = SimulatorVenueOptions }, port: 0);
        Control = Simulator.CreateControlClient();
        Persistence = await OpenJournal();
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

    protected LoginOptions LoginOptions(string platform = "huobi", string key = "demo-spot", ImmutableArray<string>? symbols = null) => new()
    {
        Name = Login.Value,
        Venue = Engine.Actors.Connections.LoginOptions.QuantGatewayVenue,
        ReconnectMinBackoff = TimeSpan.FromSeconds(1),
        ReconnectMaxBackoff = TimeSpan.FromSeconds(2),
        ReconnectRandomFactor = 0,
        QuantGateway = new QuantGatewayOptions
        {
            Url = Simulator.WebSocketUri,
            Platform = platform,
            Symbols = symbols ?? [Btc.Value],
            AccessKey = $"{key}-key",
            SecretKey = $"{key}-secret",
            RequestTimeout = RequestTimeout,
            IdleTimeout = TimeSpan.FromMinutes(10),
            PingInterval = TimeSpan.FromSeconds(5),
        },
    };

    /// <summary>Starts a new engine incarnation (connections supervisor) on the shared journal.</summary>
    protected IActorRef StartEngine(params LoginOptions[] logins)
    {
        var settings = new ConnectionsSettings(
            logins.Length == 0 ? [LoginOptions()] : [.. logins],
            Persistence,
            id => OrderBookActor.Props(id, Persistence, new OrderBookOptions { SnapshotEvery = 0 }));
        Connections = Sys.ActorOf(ConnectionsSupervisor.Props(settings), $"connections-{++_engines}");
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

    protected ConnectionStateChanged ExpectState(ConnectionState state, Predicate<ConnectionStateChanged>? also = null) =>
        States.FishForMessage<ConnectionStateChanged>(s => s.Login == Login && s.State == state && (also?.Invoke(s) ?? true), Wait);

    protected T ExpectOrderEvent<T>(ClientOrderId id, Predicate<T>? also = null)
        where T : IOrderEvent =>
        Events.FishForMessage<T>(e => e.ClientOrderId == id && (also?.Invoke(e) ?? true), Wait);

    /// <summary>Moves engine time in steps until an event matching <paramref name="isTarget"/> is published.</summary>
    protected T AdvanceUntil<T>(TimeSpan step, Predicate<T> isTarget, int maxSteps = 20, TestProbe? probe = null)
    {
        for (var i = 1; ; i++)
        {
            Advance(step);
            try
            {
                return (probe ?? Events).FishForMessage(isTarget, TimeSpan.FromMilliseconds(300));
            }
            catch (Exception) when (i < maxSteps)
            {
            }
        }
    }

    /// <summary>Moves engine time in steps until the login reaches <paramref name="state"/>.</summary>
    protected ConnectionStateChanged AdvanceUntilState(ConnectionState state, TimeSpan step, int maxSteps = 20) =>
        AdvanceUntil<ConnectionStateChanged>(step, s => s.Login == Login && s.State == state, maxSteps, States);

    protected SubmitOrder Limit(string id, OrderSide side, decimal quantity, decimal price, string? symbol = null) =>
        new(Login, new ClientOrderId(id), Time.GetUtcNow(), new Symbol(symbol ?? Btc.Value), side, OrderType.Limit, quantity, price);

    protected void Submit(SubmitOrder order) => Strategy.Send(Connections, order);

    protected async Task<decimal> SetMid(decimal mid) =>
        (await Control.MarketAsync(new MarketCommand { Symbol = Btc.Value, Mid = mid }))[Btc.Value];

    private Task<PersistenceExtension> OpenJournal() => PersistenceExtension.OpenAsync(
        new JournalOptions { Plugin = "sqlite", Sqlite = new() { Path = _database } },
        new SnapshotStoreOptions { Plugin = "sqlite", Sqlite = new() { Path = _database } },
        OrderJournal.CreateRegistry(),
        TimeProvider.System);
}
