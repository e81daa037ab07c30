namespace Engine.Kernel.Actors.Supervision;

/// <summary>How many times the backoff supervisor has scheduled a recreation since the last reset.</summary>
public sealed record RestartCount(int Count);
