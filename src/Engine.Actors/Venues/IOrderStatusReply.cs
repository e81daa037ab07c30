using Engine.Messages.Orders;

namespace Engine.Actors.Venues;

/// <summary>
/// A venue's answer to <see cref="IVenueConnectionBehavior.OrderStatusQuery"/>: exactly one of <see cref="Order"/> (the
/// venue knows the order, in any status) and <see cref="Missing"/> (it does not: the order never reached it) is set.
/// </summary>
public interface IOrderStatusReply
{
    /// <summary>The venue's view of the order, or null when it is missing.</summary>
    OpenOrder? Order { get; }

    /// <summary>Why the venue does not know the order; null when <see cref="Order"/> is set.</summary>
    string? Missing { get; }
}
