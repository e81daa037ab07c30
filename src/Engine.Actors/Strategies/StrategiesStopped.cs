namespace Engine.Actors.Strategies;

/// <summary>The host's reply to <see cref="StopStrategies"/>: every strategy has stopped and none will be restarted.</summary>
/// <param name="Names">The strategies that were running when the stop was requested, in configuration order.</param>
public sealed record StrategiesStopped(IReadOnlyList<string> Names);
