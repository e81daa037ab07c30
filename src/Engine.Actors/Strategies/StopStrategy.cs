namespace Engine.Actors.Strategies;

/// <summary>
/// Asks the <see cref="StrategyHost"/> to stop one running strategy (an operator's stop: reported as
/// <see cref="StrategyFinished"/>, never restarted by the backoff); answered with <see cref="StrategyControlled"/>.
/// </summary>
public sealed record StopStrategy(string Name, string Reason);
