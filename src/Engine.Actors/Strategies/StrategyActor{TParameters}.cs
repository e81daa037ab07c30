using Engine.Config;

namespace Engine.Actors.Strategies;

/// <summary>
/// A strategy with a parameters record. The host binds <typeparamref name="TParameters"/> from the configured
/// parameters before it starts the instance, so bad parameters are reported once, naming the strategy, file, line and
/// key, and the instance is never started (instead of failing and being restarted). The constructor binds them again
/// into <see cref="Settings"/>.
/// </summary>
/// <typeparam name="TParameters">A sealed options record bound strictly (kebab-case keys, unknown keys fail).</typeparam>
public abstract class StrategyActor<TParameters> : StrategyActor
    where TParameters : class
{
    /// <summary>Binds the parameters; throws <see cref="ConfigException"/> when they do not bind.</summary>
    protected StrategyActor(StrategyContext context)
        : base(context)
    {
        Settings = Parameters<TParameters>();
    }

    /// <summary>The bound parameters.</summary>
    protected TParameters Settings { get; }
}
