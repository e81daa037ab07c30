using Engine.Actors.Connections;
using Engine.Actors.Venues.Toobit;
using Engine.Messages.Identifiers;
using Engine.Simulator.Hosting;
using SimOptions = Engine.Simulator.Venues.Toobit.ToobitOptions;

namespace Engine.Actors.Tests.Scenarios.Toobit;

/// <summary>
/// <see cref="ScenarioBase"/> with <see cref="ToobitConnectionBehavior"/> (HTTP transport and listen-key stream) against
/// the Toobit simulator over real loopback HTTP and WebSocket. The simulator shares the engine's virtual clock, so
/// request timestamps, rate windows, <c>Retry-After</c> pauses and listen-key lifetimes move only when a test advances time.
/// </summary>
public abstract class ToobitScenarioBase : ScenarioBase
{
    protected const string ApiKey = "demo-toobit-key";
    protected const string Secret = "demo-toobit-secret";

    protected ToobitScenarioBase()
        : base(Engine.Actors.Connections.LoginOptions.ToobitVenue, new LoginId("tb-1"), new Symbol("BTCUSDT"), advanceSteps: 30)
    {
    }

    protected static Symbol Swap { get; } = new("BTC-SWAP-USDT");

    /// <summary>The simulator's Toobit settings; override for tighter limits.</summary>
    protected virtual SimOptions SimulatorVenueOptions => new();

    protected override TimeProvider? SimulatorClock => Clock;

    protected LoginOptions LoginOptions(params string[] symbols) => ScenarioLogin() with
    {
        Toobit = new ToobitOptions
        {
            Url = Simulator.Host.BaseUri,
            ApiKey = ApiKey,
            Secret = Secret,
            Symbols = symbols.Length == 0 ? [Btc.Value] : [.. symbols],
            RequestTimeout = TimeSpan.FromSeconds(5),
            RateLimitPause = TimeSpan.FromSeconds(2),
        },
    };

    protected override SimulatorOptions CreateSimulatorOptions() => new() { Toobit = SimulatorVenueOptions };

    protected override LoginOptions DefaultLogin() => LoginOptions();

    /// <summary>Every login must be valid; each connection signs on the virtual clock.</summary>
    protected override ConnectionsSettings ForVenue(ConnectionsSettings settings) => Validated(settings) with
    {
        BehaviorFactory = l => new ToobitConnectionBehavior(new LoginId(l.Name), l.Toobit!, new ToobitSigner(l.Toobit!.ApiKey, l.Toobit.Secret!), Clock),
    };
}
