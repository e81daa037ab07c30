using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders.Protocol;

/// <summary>One order in a <see cref="SendCancel"/>.</summary>
/// <param name="ClientOrderId">Our id.</param>
/// <param name="VenueOrderId">The venue's id.</param>
public sealed record CancelTarget(ClientOrderId ClientOrderId, VenueOrderId VenueOrderId);
