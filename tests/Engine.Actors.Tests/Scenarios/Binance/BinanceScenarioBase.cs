using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Actors.Venues.Binance;
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
using SimOptions = Engine.Simulator.Venues.Binance.BinanceOptions;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>
/// The real connection tree (supervisor, connection, transport, heartbeat, correlator, budget, the real order
/// book on a SQLite temp file) with <see cref="BinanceConnectionBehavior"/> against the real Binance simulator
/// over loopback. The simulator shares the engine's virtual clock, so request timestamps, the simulator's
/// clock-aligned rate windows, <c>retryAfter</c> and bans all move only when a test advances time.
/// </summary>
public abstract class BinanceScenarioBase : TestKitBase, IAsyncLifetime
{
    protected static readonly LoginId Login = new("bn-1");
    protected static readonly Symbol Btc = new("BTCUSDT");
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private const string Ed25519ApiKey = "4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO";
    private const string Ed25519Pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";
    private const string HmacApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private const string HmacSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"engine-binance-{Guid.NewGuid():N}.db");
    private int _engines;

    protected BinanceScenarioBase()
        : base(defaultTimeout: TimeSpan.FromSeconds(10))
    {
        Events = CreateTestProbe("events");
        States = CreateTestProbe("states");
        Strategy = CreateTestProbe("strategy");
        Sys.EventStream.Subscribe(States.Ref, typeof(ConnectionStateChanged));
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

    /// <summary>The simulator's Binance settings; override for tighter limits.</summary>
    protected virtual SimOptions SimulatorVenueOptions => new();

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync("binance", new SimulatorOptions { Binance = SimulatorVenueOptions }, port: 0, timeProvider: Time);
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

    protected LoginOptions LoginOptions(BinanceKeyType keyType = BinanceKeyType.Ed25519, int ordersPerTenSeconds = 50, TimeSpan? sessionLifetime = null) => new()
    {
        Name = Login.Value,
        Venue = Engine.Actors.Connections.LoginOptions.BinanceVenue,
        ReconnectMinBackoff = TimeSpan.FromSeconds(1),
        ReconnectMaxBackoff = TimeSpan.FromSeconds(2),
        ReconnectRandomFactor = 0,
        Binance = new BinanceOptions
        {
            Url = Simulator.WebSocketUri,
            ApiKey = keyType == BinanceKeyType.Ed25519 ? Ed25519ApiKey : HmacApiKey,
            KeyType = keyType,
            Secret = keyType == BinanceKeyType.Hmac ? HmacSecret : null,
            PrivateKeyEnv = keyType == BinanceKeyType.Ed25519 ? "UNUSED_IN_TESTS" : null,
            Symbols = [Btc.Value],
            RequestTimeout = TimeSpan.FromSeconds(5),
            OrdersPerTenSeconds = ordersPerTenSeconds,
            SessionLifetime = sessionLifetime ?? new TimeSpan(23, 50, 0),
        },
    };

    /// <summary>Starts a new engine incarnation (connections supervisor) on the shared journal.</summary>
    protected IActorRef StartEngine(LoginOptions? login = null)
    {
        var options = login ?? LoginOptions();
        Assert.Empty(options.Validate());
        var settings = new ConnectionsSettings(
            [options],
            Persistence,
            id => OrderBookActor.Props(id, Persistence, new OrderBookOptions { SnapshotEvery = 0 }))
        {
            BehaviorFactory = l => new BinanceConnectionBehavior(new LoginId(l.Name), l.Binance!, Signer(l.Binance!), Time),
        };
        Connections = Sys.ActorOf(ConnectionsSupervisor.Props(settings), $"connections-{++_engines}");
        return Connections;
    }

    protected ConnectionStateChanged ExpectState(ConnectionState state, Predicate<ConnectionStateChanged>? also = null) =>
        States.FishForMessage<ConnectionStateChanged>(s => s.Login == Login && s.State == state && (also?.Invoke(s) ?? true), Wait);

    protected T ExpectOrderEvent<T>(ClientOrderId id, Predicate<T>? also = null)
        where T : IOrderEvent =>
        Events.FishForMessage<T>(e => e.ClientOrderId == id && (also?.Invoke(e) ?? true), Wait);

    /// <summary>Moves engine (and simulator) time in steps until a message matching <paramref name="isTarget"/> arrives.</summary>
    protected T AdvanceUntil<T>(TimeSpan step, Predicate<T> isTarget, int maxSteps = 30, TestProbe? probe = null)
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

    protected SubmitOrder Limit(string id, OrderSide side, decimal quantity, decimal price) =>
        new(Login, new ClientOrderId(id), Time.GetUtcNow(), Btc, side, OrderType.Limit, quantity, price);

    protected void Submit(SubmitOrder order) => Strategy.Send(Connections, order);

    protected async Task<decimal> SetMid(decimal mid) =>
        (await Control.MarketAsync(new MarketCommand { Symbol = Btc.Value, Mid = mid }))[Btc.Value];

    private static BinanceSigner Signer(BinanceOptions options) => options.KeyType == BinanceKeyType.Hmac
        ? BinanceSigner.Hmac(options.ApiKey, options.Secret!)
        : BinanceSigner.Ed25519FromText(options.ApiKey, Ed25519Pem).Value!;
}
