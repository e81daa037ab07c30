using Engine.Simulator.Venues.Binance;
using Engine.Simulator.Venues.DBot;
using Engine.Simulator.Venues.QuantGateway;
using Engine.Simulator.Venues.Toobit;
using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Hosting;

/// <summary>Venue names understood by <see cref="SimulatorHost"/> and <c>engine simulate --venue</c>.</summary>
public static class VenueCatalog
{
    /// <summary>Every venue name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["quant-gateway", "binance", "toobit", "dbot"];

    /// <summary>Creates the named venue; throws <see cref="ArgumentException"/> naming the known venues otherwise.</summary>
    public static IVenueSimulator Create(string venue, SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory) => venue switch
    {
        "quant-gateway" => new QuantGatewaySimulator(options, time, loggerFactory),
        "binance" => new BinanceSimulator(options, time, loggerFactory),
        "toobit" => new ToobitSimulator(options, time, loggerFactory),
        "dbot" => new DBotSimulator(options, time, loggerFactory),
        _ => throw new ArgumentException($"Unknown simulator venue '{venue}'; expected one of: {string.Join(", ", Names)}.", nameof(venue)),
    };
}
