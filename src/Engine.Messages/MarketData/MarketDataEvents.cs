using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Messages.MarketData;

// One family per file (STYLE §1): the market-data events a feed delivers to its subscribers.

/// <summary>
/// A market-data event of one feed and symbol. <see cref="EventTime"/> is the venue's time of the event (its receive
/// time when the venue gives none); <see cref="ReceivedAt"/> is when the engine read the frame, on the engine clock.
/// Market data is not journaled and does not travel on the event stream: a feed delivers it to its subscribers.
/// </summary>
public interface IMarketDataEvent
{
    /// <summary>The configured feed that received it.</summary>
    FeedId Feed { get; }

    /// <summary>The instrument in the venue's spelling (Binance: upper case <c>BTCUSDT</c>).</summary>
    Symbol Symbol { get; }

    /// <summary>The venue's event time.</summary>
    DateTimeOffset EventTime { get; }

    /// <summary>The engine's receive time (injected clock).</summary>
    DateTimeOffset ReceivedAt { get; }
}

/// <summary>A book event (<see cref="OrderBookSnapshot"/> or <see cref="OrderBookDelta"/>) carrying the book's update id after it.</summary>
public interface IOrderBookEvent : IMarketDataEvent
{
    /// <summary>The venue's book update id after this event (Binance <c>lastUpdateId</c> / <c>u</c>).</summary>
    long UpdateId { get; }
}

/// <summary>Best bid and ask with their sizes.</summary>
public sealed record QuoteTick(
    FeedId Feed,
    Symbol Symbol,
    decimal BidPrice,
    decimal BidSize,
    decimal AskPrice,
    decimal AskSize,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt) : IMarketDataEvent
{
    /// <summary>Midpoint of the best bid and ask.</summary>
    public decimal Mid => (BidPrice + AskPrice) / 2m;
}

/// <summary>One public trade. <paramref name="Aggressor"/> is the side that took liquidity (Binance <c>m:true</c> means the seller was the aggressor).</summary>
public sealed record TradeTick(
    FeedId Feed,
    Symbol Symbol,
    string TradeId,
    decimal Price,
    decimal Quantity,
    OrderSide Aggressor,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt) : IMarketDataEvent;

/// <summary>
/// The whole local L2 book (as far as known): bids best (highest) first, asks best (lowest) first; never crossed.
/// Sent first on a book subscription, after every resync (<paramref name="IsResync"/>) and in place of queued deltas
/// when a subscriber falls behind.
/// </summary>
public sealed record OrderBookSnapshot(
    FeedId Feed,
    Symbol Symbol,
    long UpdateId,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks,
    bool IsResync,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt) : IOrderBookEvent;

/// <summary>
/// Level changes applied to the local book, in the venue's order: absolute quantities, zero removes the level.
/// Follows the snapshot or delta whose <see cref="IOrderBookEvent.UpdateId"/> is <paramref name="PreviousUpdateId"/>.
/// </summary>
public sealed record OrderBookDelta(
    FeedId Feed,
    Symbol Symbol,
    long PreviousUpdateId,
    long UpdateId,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt) : IOrderBookEvent;

/// <summary>One candle of <paramref name="Interval"/> (venue spelling, <c>1m</c>); <paramref name="IsClosed"/> is false while the candle is still forming.</summary>
public sealed record Bar(
    FeedId Feed,
    Symbol Symbol,
    string Interval,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    bool IsClosed,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt) : IMarketDataEvent;

/// <summary>
/// The venue's rolling 24 h statistics of a symbol (Binance <c>@ticker</c> and <c>@miniTicker</c>): the window's
/// <paramref name="Open"/>, <paramref name="High"/>, <paramref name="Low"/>, <paramref name="Last"/> price and its base
/// and quote volume. The full ticker adds the last trade's quantity, the volume-weighted average price, the best bid and
/// ask with sizes and the trade count; a mini ticker leaves them null.
/// </summary>
public sealed record TickerTick(
    FeedId Feed,
    Symbol Symbol,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Last,
    decimal Volume,
    decimal QuoteVolume,
    decimal? LastQuantity,
    decimal? WeightedAveragePrice,
    decimal? BidPrice,
    decimal? BidSize,
    decimal? AskPrice,
    decimal? AskSize,
    long? TradeCount,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt) : IMarketDataEvent
{
    /// <summary>The price change over the window (<see cref="Last"/> minus <see cref="Open"/>).</summary>
    public decimal Change => Last - Open;
}
