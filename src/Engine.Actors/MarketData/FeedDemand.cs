using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>To a feed session: every symbol and kind somebody needs now (configured ones and live subscriptions).</summary>
/// <param name="Wanted">The whole set; the session subscribes what is new and unsubscribes what is gone.</param>
public sealed record FeedDemand(ImmutableHashSet<(Symbol Symbol, MarketDataKind Kind)> Wanted);
