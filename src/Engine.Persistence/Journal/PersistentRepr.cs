namespace Engine.Persistence.Journal;

/// <summary>
/// One persisted event as the journal stores it: already serialized, identified by
/// (<paramref name="PersistenceId"/>, <paramref name="SequenceNr"/>), which is unique in a journal.
/// </summary>
/// <param name="PersistenceId">Identity of the event stream (e.g. <c>orders/login-1</c>).</param>
/// <param name="SequenceNr">Position in that stream; 1-based, contiguous within one stream.</param>
/// <param name="Manifest">Event type name and version, e.g. <c>order-submitted.v1</c>.</param>
/// <param name="Payload">The event as JSON text; stored and returned verbatim.</param>
/// <param name="Tags">Tags for <c>EventsByTag</c>; each non-empty and free of <c>';'</c>.</param>
/// <param name="Timestamp">When the writer created the event (from its TimeProvider); stored with tick precision in UTC.</param>
/// <param name="Writer">Identity of the journal instance or process that wrote the event.</param>
public sealed record PersistentRepr(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    string Payload,
    IReadOnlyList<string> Tags,
    DateTimeOffset Timestamp,
    string Writer);
