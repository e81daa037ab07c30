namespace Engine.Actors.Strategies;

/// <summary>The answer to <see cref="StopStrategy"/> or <see cref="StartStrategy"/>: whether it was done, and for people what happened.</summary>
public sealed record StrategyControlled(string Name, bool Done, string Detail);
