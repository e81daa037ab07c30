namespace Engine.Messages.MarketData;

/// <summary>What a strategy subscribes to on a feed, per symbol.</summary>
public enum MarketDataKind
{
    /// <summary>Best bid and ask with sizes (<see cref="QuoteTick"/>); conflated for a slow subscriber.</summary>
    Quotes,

    /// <summary>Public trades (<see cref="TradeTick"/>); delivered in full through a bounded buffer.</summary>
    Trades,

    /// <summary>The local L2 book (<see cref="OrderBookSnapshot"/>, then <see cref="OrderBookDelta"/>); conflated to a snapshot for a slow subscriber.</summary>
    Book,

    /// <summary>Candles of the feed's bar interval (<see cref="Bar"/>); delivered in full through a bounded buffer.</summary>
    Bars,

    /// <summary>The venue's rolling 24 h statistics (<see cref="TickerTick"/>, Binance <c>@ticker</c>); conflated for a slow subscriber.</summary>
    Ticker,
}
