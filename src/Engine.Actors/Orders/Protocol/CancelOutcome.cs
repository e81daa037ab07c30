using Engine.Actors.Venues;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: the answer to a <see cref="SendCancel"/>: the venue's mapped reply (per-order
/// results, or refused), or an unknown outcome (timeout, disconnect) that reconciliation resolves.
/// </summary>
/// <param name="Request">The cancel it answers.</param>
/// <param name="Reply">The venue's mapped answer, or null when the outcome is unknown.</param>
/// <param name="UnknownReason">Why the outcome is unknown; null when <see cref="Reply"/> is set.</param>
/// <param name="At">When the outcome was established.</param>
public sealed record CancelOutcome(SendCancel Request, VenueReply? Reply, string? UnknownReason, DateTimeOffset At);
