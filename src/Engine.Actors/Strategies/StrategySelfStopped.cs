namespace Engine.Actors.Strategies;

/// <summary>A strategy tells its host that it is stopping on purpose, just before it stops.</summary>
internal sealed record StrategySelfStopped(string Name, string Reason);
