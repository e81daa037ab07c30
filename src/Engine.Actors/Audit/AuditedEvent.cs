namespace Engine.Actors.Audit;

/// <summary>One deserialized event of an order journal, with where it was stored.</summary>
/// <param name="Ordering">Global commit order in the journal.</param>
/// <param name="PersistenceId">The stream, e.g. <c>orders/qg-huobi</c>.</param>
/// <param name="SequenceNr">Position in the stream.</param>
/// <param name="Event">The event as the engine journaled it.</param>
public sealed record AuditedEvent(long Ordering, string PersistenceId, long SequenceNr, object Event);
