namespace Engine.Actors.Strategies;

/// <summary>
/// Published on the event stream when the host stopped restarting a strategy that kept failing (more than the
/// configured restarts without an incarnation surviving the restart window). The other strategies keep running.
/// </summary>
/// <param name="Name">The instance name.</param>
/// <param name="Reason">For people: how often it failed and under which limits; the exceptions are in the error log.</param>
/// <param name="Timestamp">When the host gave up.</param>
public sealed record StrategyGaveUp(string Name, string Reason, DateTimeOffset Timestamp);
