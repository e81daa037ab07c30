namespace Engine.Actors.Strategies;

/// <summary>
/// Published on the event stream when a configured strategy could not be started (assembly or type not found, not a
/// strategy, no suitable constructor, parameters that do not bind, bad name or logins). The other strategies start.
/// </summary>
/// <param name="Name">The instance name as configured.</param>
/// <param name="Reason">For people: what was wrong and what was expected.</param>
/// <param name="Timestamp">When the host gave up on it.</param>
public sealed record StrategyLoadFailed(string Name, string Reason, DateTimeOffset Timestamp);
