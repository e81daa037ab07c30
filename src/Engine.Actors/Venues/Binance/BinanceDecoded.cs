namespace Engine.Actors.Venues.Binance;

/// <summary>
/// One decoded frame as the Binance connection behaviour sees it: the venue-neutral <see cref="Inbound"/>
/// (what <see cref="BinanceVenue.Decode"/> returns), the session <see cref="Signal"/> and the budget and clock
/// <see cref="Feedback"/> of a response. Immutable.
/// </summary>
public sealed record BinanceDecoded(VenueInbound Inbound, BinanceSessionSignal Signal, BinanceServerFeedback Feedback);
