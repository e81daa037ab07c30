using Engine.Messages.Orders;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// The venue's view of one order: <see cref="Order"/> with any status (filled and canceled included), or
/// null with <see cref="Missing"/> when the venue does not know the order (-2013: it never reached the book).
/// </summary>
public sealed record BinanceOrderStatusReply(OpenOrder? Order, string? Missing) : VenueReply;
