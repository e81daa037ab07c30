using Engine.Messages.Orders;

namespace Engine.Actors.Venues.Toobit;

/// <summary>The venue's view of one order (any status), or null with <see cref="Missing"/> when it does not know it (-2013: it never reached the venue).</summary>
public sealed record ToobitOrderStatusReply(OpenOrder? Order, string? Missing) : VenueReply, IOrderStatusReply;
