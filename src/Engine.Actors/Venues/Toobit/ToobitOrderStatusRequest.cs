using Engine.Actors.Budget;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Ask <c>GET /api/v1/spot/order</c> or <c>/api/v1/futures/order</c> for one order, by <c>origClientOrderId</c> (resolution
/// of an unknown outcome: works when the place answer was lost) or by venue id. Answered by <see cref="ToobitOrderStatusReply"/>.
/// </summary>
public sealed record ToobitOrderStatusRequest(Symbol Symbol, ClientOrderId? ClientOrderId, VenueOrderId? VenueOrderId = null) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Query;
}
