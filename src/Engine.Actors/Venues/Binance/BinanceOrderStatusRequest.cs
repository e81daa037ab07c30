using Engine.Actors.Budget;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Ask <c>order.status</c> for one order, by client order id (recovery of an Unknown outcome: works even when
/// the place reply was lost) or by venue order id. Answered by <see cref="BinanceOrderStatusReply"/>.
/// </summary>
public sealed record BinanceOrderStatusRequest(Symbol Symbol, ClientOrderId? ClientOrderId, VenueOrderId? VenueOrderId = null) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Query;
}
