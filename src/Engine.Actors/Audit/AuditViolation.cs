namespace Engine.Actors.Audit;

/// <summary>A broken invariant, naming the order and the event where it was found.</summary>
/// <param name="PersistenceId">The journal stream.</param>
/// <param name="SequenceNr">The offending event's position in the stream; 0 for a check over the whole stream.</param>
/// <param name="Login">The login.</param>
/// <param name="ClientOrderId">The order; empty for a check over a symbol.</param>
/// <param name="Event">The offending event's type name, or the name of the check.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record AuditViolation(string PersistenceId, long SequenceNr, string Login, string ClientOrderId, string Event, string Message)
{
    /// <summary>One line for people.</summary>
    public override string ToString() => $"{PersistenceId}#{SequenceNr} order {ClientOrderId} {Event}: {Message}";
}
