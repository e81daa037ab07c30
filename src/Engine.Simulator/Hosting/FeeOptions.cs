using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Hosting;

/// <summary>Fee rates of the simulated venue, as fractions of the fill's notional.</summary>
public sealed record FeeOptions
{
    /// <summary>Maker rate (negative = rebate).</summary>
    [Range(-0.01, 0.1)]
    public decimal MakerRate { get; init; } = 0.0002m;

    /// <summary>Taker rate.</summary>
    [Range(0, 0.1)]
    public decimal TakerRate { get; init; } = 0.0005m;
}
