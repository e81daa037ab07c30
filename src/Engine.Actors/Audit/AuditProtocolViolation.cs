using Engine.Messages.Identifiers;

namespace Engine.Actors.Audit;

/// <summary>A venue report the engine rejected because it contradicted its order, as journaled (<c>VenueProtocolViolation</c>).</summary>
/// <param name="Login">The login.</param>
/// <param name="SequenceNr">Its position in the login's stream.</param>
/// <param name="ClientOrderId">The order the report was bound to.</param>
/// <param name="VenueOrderId">The venue id the report named, when known.</param>
/// <param name="Report">The kind of report rejected.</param>
/// <param name="Reason">What contradicted what.</param>
/// <param name="RawFrame">The venue frame as received, when kept.</param>
/// <param name="Timestamp">When the report was received or stamped.</param>
public sealed record AuditProtocolViolation(
    LoginId Login, long SequenceNr, ClientOrderId ClientOrderId, VenueOrderId? VenueOrderId, string Report, string Reason, string? RawFrame, DateTimeOffset Timestamp);
