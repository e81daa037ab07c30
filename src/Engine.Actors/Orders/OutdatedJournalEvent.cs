namespace Engine.Actors.Orders;

/// <summary>
/// An event stored in an older schema version than this engine's, exactly as it was stored: what
/// <see cref="OrderJournalSerializer"/> hands to the journal's read event adapter (<see cref="OrderJournalUpcaster"/>),
/// which upcasts it to the current type. It never reaches an order book through a correctly configured journal (the
/// book fails its recovery when one does) and is never written. Immutable.
/// </summary>
/// <param name="Manifest">The stored manifest, <c>name.vN</c> (e.g. <c>OrderSubmitted.v1</c>).</param>
/// <param name="Payload">The stored JSON.</param>
public sealed record OutdatedJournalEvent(string Manifest, string Payload);
