namespace Engine.Actors.Audit;

/// <summary>One journaled trade result.</summary>
public sealed record TradeResultAudit(string Login, long SequenceNr, DateTimeOffset Timestamp, string ResultId, string TaskId, bool Succeeded, string Detail);
