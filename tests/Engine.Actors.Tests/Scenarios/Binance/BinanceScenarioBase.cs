using Engine.Actors.Connections;
using Engine.Actors.Venues.Binance;
using Engine.Messages.Identifiers;
using Engine.Simulator.Hosting;
using SimOptions = Engine.Simulator.Venues.Binance.BinanceOptions;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>
/// <see cref="ScenarioBase"/> with <see cref="BinanceConnectionBehavior"/> against the Binance simulator. The
/// simulator shares the engine's virtual clock, so request timestamps, the simulator's clock-aligned rate
/// windows, <c>retryAfter</c> and bans all move only when a test advances time.
/// </summary>
public abstract class BinanceScenarioBase : ScenarioBase
{
    private const string Ed25519ApiKey = "4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO";
    private const string Ed25519Pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";
    private const string HmacApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private const string HmacSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    protected BinanceScenarioBase()
        : base(Engine.Actors.Connections.LoginOptions.BinanceVenue, new LoginId("bn-1"), new Symbol("BTCUSDT"), advanceSteps: 30)
    {
    }

    /// <summary>The simulator's Binance settings; override for tighter limits.</summary>
    protected virtual SimOptions SimulatorVenueOptions => new();

    protected override TimeProvider? SimulatorClock => Clock;

    protected LoginOptions LoginOptions(BinanceKeyType keyType = BinanceKeyType.Ed25519, int ordersPerTenSeconds = 50, TimeSpan? sessionLifetime = null) => ScenarioLogin() with
    {
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

    protected override SimulatorOptions CreateSimulatorOptions() => new() { Binance = SimulatorVenueOptions };

    protected override LoginOptions DefaultLogin() => LoginOptions();

    /// <summary>Every login must be valid; each connection signs with the test keys on the virtual clock.</summary>
    protected override ConnectionsSettings ForVenue(ConnectionsSettings settings) => Validated(settings) with
    {
        BehaviorFactory = l => new BinanceConnectionBehavior(new LoginId(l.Name), l.Binance!, Signer(l.Binance!), Clock),
    };

    private static BinanceSigner Signer(BinanceOptions options) => options.KeyType == BinanceKeyType.Hmac
        ? BinanceSigner.Hmac(options.ApiKey, options.Secret!)
        : BinanceSigner.Ed25519FromText(options.ApiKey, Ed25519Pem).Value!;
}
