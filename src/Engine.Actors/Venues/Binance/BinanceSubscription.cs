namespace Engine.Actors.Venues.Binance;

/// <summary>The classified answer to a subscribe request: the outcome, the subscription id when one was returned, and a reason on failure.</summary>
public sealed record BinanceSubscription(BinanceSubscribeOutcome Outcome, int? SubscriptionId, string? Reason);
