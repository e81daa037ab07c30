using Akka.Actor;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.Strategies;

/// <summary>
/// Market data: subscriptions go to the feeds (<see cref="StrategyContext.Feeds"/>) with this actor as the
/// subscriber; events reach the hooks in every behaviour, and each is acknowledged after its hook returns (even when
/// it throws), so the feed sends the next one only then: a slow strategy receives the latest quote and book state
/// instead of a backlog, and trades and bars through a bounded buffer (see <see cref="OnMarketDataOverflow"/>).
/// Subscriptions belong to an incarnation: subscribe in <see cref="OnStart"/>; a stopped strategy is forgotten by
/// its feeds.
/// </summary>
public abstract partial class StrategyActor
{
    /// <summary>Best bid/ask of <paramref name="symbol"/> from <paramref name="feed"/> to <see cref="OnQuote"/>.</summary>
    protected void SubscribeQuotes(FeedId feed, Symbol symbol) => Subscribe(feed, symbol, MarketDataKind.Quotes);

    /// <summary>Public trades of <paramref name="symbol"/> to <see cref="OnTrade"/>.</summary>
    protected void SubscribeTrades(FeedId feed, Symbol symbol) => Subscribe(feed, symbol, MarketDataKind.Trades);

    /// <summary>The local L2 book of <paramref name="symbol"/>: a snapshot to <see cref="OnBook"/>, then deltas to <see cref="OnBookDelta"/>.</summary>
    protected void SubscribeBook(FeedId feed, Symbol symbol) => Subscribe(feed, symbol, MarketDataKind.Book);

    /// <summary>Candles of the feed's bar interval to <see cref="OnBar"/>.</summary>
    protected void SubscribeBars(FeedId feed, Symbol symbol) => Subscribe(feed, symbol, MarketDataKind.Bars);

    /// <summary>The venue's rolling 24 h statistics of <paramref name="symbol"/> to <see cref="OnTicker"/> (Binance feeds).</summary>
    protected void SubscribeTicker(FeedId feed, Symbol symbol) => Subscribe(feed, symbol, MarketDataKind.Ticker);

    /// <summary>Stops one subscription; the feed drops the venue stream when nobody needs it any more.</summary>
    protected void Unsubscribe(FeedId feed, Symbol symbol, MarketDataKind kind) =>
        Strategy.Feeds.Tell(new UnsubscribeMarketData(feed, symbol, kind), Self);

    /// <summary>A best bid/ask update (conflated: only the latest one is delivered to a slow strategy).</summary>
    protected virtual void OnQuote(QuoteTick quote)
    {
    }

    /// <summary>A public trade.</summary>
    protected virtual void OnTrade(TradeTick trade)
    {
    }

    /// <summary>
    /// The whole book: first after a book subscription, after every resync (<see cref="OrderBookSnapshot.IsResync"/>),
    /// and in place of deltas the strategy was too slow to take.
    /// </summary>
    protected virtual void OnBook(OrderBookSnapshot book)
    {
    }

    /// <summary>Level changes following the last book event delivered.</summary>
    protected virtual void OnBookDelta(OrderBookDelta delta)
    {
    }

    /// <summary>A candle (forming or closed).</summary>
    protected virtual void OnBar(Bar bar)
    {
    }

    /// <summary>A 24 h ticker update (conflated: only the latest one is delivered to a slow strategy).</summary>
    protected virtual void OnTicker(TickerTick ticker)
    {
    }

    /// <summary>A subscription is in place.</summary>
    protected virtual void OnMarketDataSubscribed(MarketDataSubscribed subscribed)
    {
    }

    /// <summary>A subscription was refused; the default logs nothing and does nothing.</summary>
    protected virtual void OnMarketDataRejected(MarketDataSubscriptionRejected rejected)
    {
    }

    /// <summary>Trades or bars were dropped because the strategy fell behind its buffer.</summary>
    protected virtual void OnMarketDataOverflow(MarketDataOverflow overflow)
    {
    }

    private void Subscribe(FeedId feed, Symbol symbol, MarketDataKind kind) =>
        Strategy.Feeds.Tell(new SubscribeMarketData(feed, symbol, kind), Self);

    private void ReceiveMarketData()
    {
        Receive<IMarketDataEvent>(e => RouteMarketData(e));
        Receive<MarketDataSubscribed>(OnMarketDataSubscribed);
        Receive<MarketDataSubscriptionRejected>(OnMarketDataRejected);
        Receive<MarketDataOverflow>(OnMarketDataOverflow);
    }

    /// <summary>Routes a market-data message to its hook; false for anything else.</summary>
    private bool RouteMarketData(object message)
    {
        switch (message)
        {
            case IMarketDataEvent marketEvent:
                var feed = Sender;
                try
                {
                    switch (marketEvent)
                    {
                        case QuoteTick quote:
                            OnQuote(quote);
                            break;
                        case TradeTick trade:
                            OnTrade(trade);
                            break;
                        case OrderBookSnapshot book:
                            OnBook(book);
                            break;
                        case OrderBookDelta delta:
                            OnBookDelta(delta);
                            break;
                        case Bar bar:
                            OnBar(bar);
                            break;
                        case TickerTick ticker:
                            OnTicker(ticker);
                            break;
                    }
                }
                finally
                {
                    feed.Tell(MarketDataDelivered.Instance, Self);
                }

                return true;
            case MarketDataSubscribed subscribed:
                OnMarketDataSubscribed(subscribed);
                return true;
            case MarketDataSubscriptionRejected rejected:
                OnMarketDataRejected(rejected);
                return true;
            case MarketDataOverflow overflow:
                OnMarketDataOverflow(overflow);
                return true;
            default:
                return false;
        }
    }
}
