using Akka.Actor;
using Engine.Actors.Strategies;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.Tests.MarketData;

/// <summary>A test strategy: subscribes to every kind at start and reports each hook call to <c>reports</c>; throws on a quote with bid 0.</summary>
public sealed class MarketDataStrategy(StrategyContext context, IActorRef reports) : StrategyActor(context)
{
    public static readonly FeedId Feed = new("f");
    public static readonly Symbol Btc = new("BTCUSDT");

    protected override void OnStart()
    {
        SubscribeQuotes(Feed, Btc);
        SubscribeTrades(Feed, Btc);
        SubscribeBook(Feed, Btc);
        SubscribeBars(Feed, Btc);
        SubscribeTicker(Feed, Btc);
    }

    protected override void OnQuote(QuoteTick quote)
    {
        if (quote.BidPrice == 0m)
        {
            throw new InvalidOperationException("bad quote");
        }

        reports.Tell(("quote", (object)quote));
    }

    protected override void OnTrade(TradeTick trade) => reports.Tell(("trade", (object)trade));

    protected override void OnBook(OrderBookSnapshot book) => reports.Tell(("book", (object)book));

    protected override void OnBookDelta(OrderBookDelta delta) => reports.Tell(("delta", (object)delta));

    protected override void OnBar(Bar bar) => reports.Tell(("bar", (object)bar));

    protected override void OnTicker(TickerTick ticker) => reports.Tell(("ticker", (object)ticker));

    protected override void OnMarketDataSubscribed(MarketDataSubscribed subscribed) => reports.Tell(("subscribed", (object)subscribed));

    protected override void OnMarketDataRejected(MarketDataSubscriptionRejected rejected) => reports.Tell(("rejected", (object)rejected));

    protected override void OnMarketDataOverflow(MarketDataOverflow overflow) => reports.Tell(("overflow", (object)overflow));
}
