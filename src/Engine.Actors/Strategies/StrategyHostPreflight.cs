namespace Engine.Actors.Strategies;

/// <summary>
/// The strategy host's start-up resolution, without an actor system: each configured strategy is resolved exactly as
/// <see cref="StrategyHost"/> resolves it when it starts (<see cref="StrategyTypeLoader"/>: the assembly, the type, its
/// constructor, and its parameters bound strictly to the parameters record, with that record's validation). Used by
/// <c>engine check-config</c> and before <c>engine run</c> starts anything, so a strategy that would not start fails the
/// check and the start instead of being logged and skipped. One instance per check (plugin files are loaded once). Not
/// thread-safe.
/// </summary>
public sealed class StrategyHostPreflight
{
    private readonly StrategyTypeLoader _loader;

    /// <summary>A preflight loading plugin files from <paramref name="options"/>' plugins folder.</summary>
    public StrategyHostPreflight(StrategyHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _loader = new StrategyTypeLoader(options.PluginsFolder);
    }

    /// <summary>
    /// Why <paramref name="strategy"/> would not start (one sentence naming the strategy and what was expected), or null
    /// when it would; a disabled strategy is not started, so it is not checked.
    /// </summary>
    public string? Check(StrategyOptions strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return strategy.Enabled ? _loader.Resolve(strategy).Error : null;
    }
}
