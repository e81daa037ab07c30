namespace Engine.Actors.Strategies;

/// <summary>Published on the event stream when a strategy stopped itself on purpose; the host does not restart it.</summary>
/// <param name="Name">The instance name.</param>
/// <param name="Reason">The strategy's own reason.</param>
/// <param name="Timestamp">When the host saw it stop.</param>
public sealed record StrategyFinished(string Name, string Reason, DateTimeOffset Timestamp);
