using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// From a feed session to its feed: market events decoded in a row while the feed was still busy, in order; the feed
/// handles them as if told one by one and then hands each subscriber what is next once, so a burst costs one message
/// and one pump per subscriber instead of one per event.
/// </summary>
/// <param name="Events">The events, oldest first (at least two).</param>
public sealed record FeedEvents(IReadOnlyList<IMarketDataEvent> Events);
