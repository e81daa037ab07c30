namespace Engine.Actors.Connections.Policies;

/// <summary>The action due now and when to evaluate again.</summary>
/// <param name="Action">Nothing, send a ping, or dead.</param>
/// <param name="NextDueAt">When the next ping or the idle deadline falls due; schedule the next evaluation then.</param>
public readonly record struct HeartbeatDecision(HeartbeatAction Action, DateTimeOffset NextDueAt);
