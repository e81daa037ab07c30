using Engine.Actors.Venues;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: what became of a <see cref="SendPlace"/>. Exactly one of <see cref="Reply"/>
/// (the venue answered: placed, refused or unreadable) and <see cref="UnknownReason"/> (timeout, disconnect,
/// 5xx: the order may or may not exist, and is resolved later by reconciliation, never guessed) is set.
/// </summary>
/// <param name="ClientOrderId">The order.</param>
/// <param name="Reply">The venue's mapped answer, or null when the outcome is unknown.</param>
/// <param name="UnknownReason">Why the outcome is unknown, for people; null when <see cref="Reply"/> is set.</param>
/// <param name="At">When the outcome was established.</param>
public sealed record PlaceOutcome(ClientOrderId ClientOrderId, VenueReply? Reply, string? UnknownReason, DateTimeOffset At);
