namespace Engine.Persistence.Tests.Support;

/// <summary>A contract test snapshot: the state's values joined by ','.</summary>
public sealed record Snap(string State);
