namespace Engine.Actors.Strategies;

/// <summary>
/// Asks the <see cref="StrategyHost"/> to forward <see cref="Message"/> to the named strategy, keeping the original
/// sender (operator commands, tests). The strategy's backoff supervisor answers its own queries (GetCurrentChild,
/// GetRestartCount) and forwards everything else to the strategy; while the strategy is being restarted, or for an
/// unknown name, the message goes to dead letters.
/// </summary>
public sealed record SendToStrategy(string Name, object Message);
