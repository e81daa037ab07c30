namespace Engine.Actors.Venues;

/// <summary>
/// Connection → book: what became of a <see cref="SendVenueRequest"/>. Exactly one of <paramref name="Reply"/> (the venue
/// answered, or the request was refused locally: <see cref="RequestRefusedReply"/> starting "not sent") and
/// <paramref name="UnknownReason"/> (timeout, socket lost: it may or may not have been applied) is set.
/// </summary>
public sealed record VenueRequestOutcome(object Context, VenueReply? Reply, string? UnknownReason, DateTimeOffset At);
