namespace Engine.Persistence.Journal;

/// <summary>
/// One persisted event as the journal stores it: already serialized, identified by
/// (<paramref name="PersistenceId"/>, <paramref name="SequenceNr"/>), which is unique in a journal.
/// </summary>
/// <param name="PersistenceId">Identity of the event stream (e.g. <c>orders/login-1</c>).</param>
/// <param name="SequenceNr">Position in that stream; 1-based, contiguous within one stream.</param>
/// <param name="Manifest">Event type name and version, e.g. <c>order-submitted.v1</c>.</param>
/// <param name="Payload">The event as JSON text; stored (UTF-8) and returned verbatim. Empty when the event is binary (<see cref="SerializerId"/> set).</param>
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
    string Writer)
{
    /// <summary>
    /// The Akka serializer id of <see cref="Binary"/>, or null for an engine JSON event whose text is
    /// <see cref="Payload"/> (the engine's own manifest registry). Set by the Akka.Persistence plugin.
    /// </summary>
    public int? SerializerId { get; init; }

    /// <summary>The serialized event when <see cref="SerializerId"/> is set; stored verbatim.</summary>
    public ReadOnlyMemory<byte> Binary { get; init; }

    /// <summary>The event adapter manifest (Akka's <c>IPersistentRepresentation.Manifest</c>); empty when none.</summary>
    public string EventManifest { get; init; } = string.Empty;

    /// <summary>The bytes stored in the payload column: <see cref="Binary"/>, or the UTF-8 of <see cref="Payload"/>.</summary>
    internal byte[] StoredPayload() => Serialization.StoredPayload.Of(SerializerId, Payload, Binary);

    /// <summary>Rebuilds an event from the stored columns; the inverse of <see cref="StoredPayload"/>.</summary>
    internal static PersistentRepr FromStored(
        string persistenceId, long sequenceNr, string manifest, byte[] payload, int? serializerId, string eventManifest,
        IReadOnlyList<string> tags, DateTimeOffset timestamp, string writer) =>
        serializerId is null
            ? new(persistenceId, sequenceNr, manifest, System.Text.Encoding.UTF8.GetString(payload), tags, timestamp, writer) { EventManifest = eventManifest }
            : new(persistenceId, sequenceNr, manifest, string.Empty, tags, timestamp, writer) { SerializerId = serializerId, Binary = payload, EventManifest = eventManifest };
}
