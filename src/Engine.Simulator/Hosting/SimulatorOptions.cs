using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Engine.Simulator.Market;
using Engine.Simulator.Venues.Binance;
using Engine.Simulator.Venues.DBot;
using Engine.Simulator.Venues.QuantGateway;
using Engine.Simulator.Venues.Toobit;

namespace Engine.Simulator.Hosting;

/// <summary>Root of the simulator configuration (<c>engine.simulator</c> in HOCON). Every member has a working default.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Synthetic market pace and shape.</summary>
    public MarketOptions Market { get; init; } = new();

    /// <summary>Fee rates.</summary>
    public FeeOptions Fees { get; init; } = new();

    /// <summary>Simulated accounts; defaults to <see cref="DemoAccounts.All"/>.</summary>
    public IReadOnlyList<AccountOptions> Accounts { get; init; } = DemoAccounts.All;

    /// <summary>Faults armed at start.</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>Quant gateway venue behaviour.</summary>
    public QuantGatewayOptions QuantGateway { get; init; } = new();

    /// <summary>Binance Spot WebSocket API venue behaviour.</summary>
    public BinanceOptions Binance { get; init; } = new();

    /// <summary>Toobit REST and user-stream venue behaviour.</summary>
    public ToobitOptions Toobit { get; init; } = new();

    /// <summary>DBot trading-bot venue behaviour.</summary>
    [Engine.Config.HoconKey("dbot")]
    public DBotOptions DBot { get; init; } = new();
}
