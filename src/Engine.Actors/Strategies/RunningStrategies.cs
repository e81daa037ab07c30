namespace Engine.Actors.Strategies;

/// <summary>
/// The strategies the host still supervises (running, or waiting for a backoff restart), in configuration order.
/// A strategy that failed to load, gave up or stopped itself is not listed.
/// </summary>
public sealed record RunningStrategies(IReadOnlyList<string> Names);
