using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.Monitoring;

/// <summary>
/// What a feed last said about one symbol: the mid of its latest best bid and ask, and its latest trade price.
/// Immutable. <see cref="Mark"/> is the price positions are marked at: the mid, or the last trade before any quote.
/// </summary>
/// <param name="Feed">The feed.</param>
/// <param name="Symbol">The symbol in the feed's spelling.</param>
/// <param name="Mid">Mid of the latest quote; null before one arrived.</param>
/// <param name="Last">Price of the latest trade; null before one arrived.</param>
public sealed record FeedMark(FeedId Feed, Symbol Symbol, decimal? Mid, decimal? Last)
{
    /// <summary>The mark price: <see cref="Mid"/>, else <see cref="Last"/>.</summary>
    public decimal? Mark => Mid ?? Last;

    /// <summary>The price the status line shows as the feed's: <see cref="Last"/>, else <see cref="Mid"/>.</summary>
    public decimal? Price => Last ?? Mid;
}
