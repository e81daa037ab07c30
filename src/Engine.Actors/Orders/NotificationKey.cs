using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// De-duplication key of a venue's order update: the same (order id, status, remaining) seen twice is
/// one fact (real venues resend after re-logins and reconnects). Remaining compares by value (5 == 5.0).
/// </summary>
public readonly record struct NotificationKey(VenueOrderId VenueOrderId, OrderStatus Status, decimal Remaining);
