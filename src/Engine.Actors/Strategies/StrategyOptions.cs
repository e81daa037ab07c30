using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Actors.Strategies;

/// <summary>
/// One strategy instance (one item of <c>engine.strategies</c>): the plugin type to load, the logins it
/// trades and its own parameters, which the strategy binds strictly to its parameters record.
/// </summary>
public sealed record StrategyOptions
{
    /// <summary>Unique instance name; also the strategy actor's name.</summary>
    [Required]
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// Full type name of the strategy class, e.g. <c>Engine.Strategies.Samples.MarketMaker</c>: a concrete
    /// <see cref="StrategyActor"/> with a public constructor taking a <see cref="StrategyContext"/>.
    /// </summary>
    [Required]
    public string Type { get; init; } = string.Empty;

    /// <summary>
    /// Where <see cref="Type"/> lives: a name ending in <c>.dll</c> is an assembly file, relative to the plugins folder
    /// (or absolute), loaded in its own load context; anything else is an assembly name the process already has or can
    /// load (<c>Engine.Strategies.Samples</c>).
    /// </summary>
    [Required]
    public string Assembly { get; init; } = string.Empty;

    /// <summary>Logins the strategy trades through and receives events of.</summary>
    public IReadOnlyList<string> Logins { get; init; } = [];

    /// <summary>False keeps the strategy in the file without starting it.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The strategy's own parameters, bound by the strategy to its parameters record.</summary>
    public HoconConfig Parameters { get; init; } = HoconConfig.Empty;
}
