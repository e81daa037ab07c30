namespace Engine.Actors.Strategies;

/// <summary>Published on the event stream when the host started a strategy instance.</summary>
/// <param name="Name">The instance name.</param>
/// <param name="Type">The strategy's full type name.</param>
/// <param name="Source">Where the type came from: the assembly file path for a plugin file, or <c>assembly name (loaded)</c>.</param>
/// <param name="Timestamp">When the host started it.</param>
public sealed record StrategyLoaded(string Name, string Type, string Source, DateTimeOffset Timestamp);
