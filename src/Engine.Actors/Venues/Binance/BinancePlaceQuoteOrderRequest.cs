using Engine.Actors.Budget;
using Engine.Messages.Orders;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Place a MARKET order sized in the quote asset (<c>quoteOrderQty</c>: "buy 100 USDT worth"); Binance fills
/// the base quantity whose notional is closest. <see cref="Order"/> gives everything else; its quantity is
/// ignored on the wire.
/// </summary>
public sealed record BinancePlaceQuoteOrderRequest(SubmitOrder Order, decimal QuoteQuantity) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Order;
}
