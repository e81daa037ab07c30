using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Venues.QuantGateway;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;
using SimOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// <see cref="ScenarioBase"/> against the quant gateway simulator. The simulator runs on the system clock with
/// short delays; only the engine's timers wait for the test to advance time.
/// </summary>
public abstract class QuantGatewayScenarioBase : ScenarioBase
{
    protected static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <param name="journal">The journal's database; a SQLite file of the test's own when null.</param>
    protected QuantGatewayScenarioBase(ScenarioJournal? journal = null)
        : base(Engine.Actors.Connections.LoginOptions.QuantGatewayVenue, new LoginId("qg-1"), new Symbol("BTC/USDT"), advanceSteps: 20, journal)
    {
    }

    /// <summary>The simulator's settings; override for idle-close tests.</summary>
    protected virtual SimOptions SimulatorVenueOptions => new() { ReadyDelay = TimeSpan.FromMilliseconds(50) };

    protected LoginOptions LoginOptions(string platform = "huobi", string key = "demo-spot", ImmutableArray<string>? symbols = null) => ScenarioLogin() with
    {
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

    /// <summary>A market order opening a long futures position of <paramref name="quantity"/> in <paramref name="contract"/>.</summary>
    protected SubmitOrder OpenLong(LoginId login, string id, Symbol contract, decimal quantity) =>
        new(login, new ClientOrderId(id), UtcNow, contract, OrderSide.Buy, OrderType.Market, quantity, null, Offset: OffsetFlag.Open);

    protected override SimulatorOptions CreateSimulatorOptions() => new() { QuantGateway = SimulatorVenueOptions };

    protected override LoginOptions DefaultLogin() => LoginOptions();
}
