using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Market;

/// <summary>Synthetic market shape and pace. Same <see cref="Seed"/> and symbols give the same price sequence.</summary>
public sealed record MarketOptions
{
    /// <summary>Seed of the random walk.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Time between automatic steps; zero disables the timer (step through the control API or in code).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest relative mid move per step, in basis points (uniform in ±this).</summary>
    [Range(0, 10_000)]
    public decimal StepBps { get; init; } = 5m;

    /// <summary>Distance of the best bid/ask from the mid, in basis points.</summary>
    [Range(0, 10_000)]
    public decimal HalfSpreadBps { get; init; } = 1m;

    /// <summary>Distance between successive levels, in basis points.</summary>
    [Range(0, 10_000)]
    public decimal LevelSpacingBps { get; init; } = 2m;

    /// <summary>Levels per side.</summary>
    [Range(1, 100)]
    public int Levels { get; init; } = 5;
}
