namespace Engine.Actors.Strategies;

/// <summary>
/// Asks the <see cref="StrategyHost"/> to start one configured, enabled strategy that is not running (after a stop, a
/// give-up or a self-stop); answered with <see cref="StrategyControlled"/>.
/// </summary>
public sealed record StartStrategy(string Name);
