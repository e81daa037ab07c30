using Engine.Actors.Orders;
using Engine.Messages.Orders;

namespace Engine.Actors.Audit;

/// <summary>One event in an order's timeline and what it did.</summary>
/// <param name="SequenceNr">Position in the login's journal stream.</param>
/// <param name="Timestamp">When the engine observed the event.</param>
/// <param name="Event">The event type name (<c>OrderAccepted</c>).</param>
/// <param name="Outcome">Applied, ignored (duplicate, stale) or invalid (a violation).</param>
/// <param name="StatusAfter">The order's status after the event.</param>
/// <param name="Detail">Fill details, a reason, or the venue's text; empty when nothing to add.</param>
public sealed record AuditTimelineEntry(
    long SequenceNr,
    DateTimeOffset Timestamp,
    string Event,
    TransitionOutcome Outcome,
    OrderStatus StatusAfter,
    string Detail);
