namespace Engine.Actors.Audit;

/// <summary>A broken task-journal invariant, located by stream and sequence number.</summary>
public sealed record TaskAuditViolation(string PersistenceId, long SequenceNr, string Login, string Subject, string Message)
{
    /// <summary>One line for people.</summary>
    public override string ToString() => $"{PersistenceId}#{SequenceNr} {Subject}: {Message}";
}
