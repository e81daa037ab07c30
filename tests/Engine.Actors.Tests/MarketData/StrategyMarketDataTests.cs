using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Strategies;
using Engine.Config;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.TestKit;

namespace Engine.Actors.Tests.MarketData;

/// <summary>The strategy side: subscriptions go to the context's feeds, each event reaches its hook and is acknowledged after it, even when the hook throws.</summary>
public class StrategyMarketDataTests : EngineTestKit
{
    private static readonly FeedId Feed = MarketDataStrategy.Feed;
    private static readonly Symbol Btc = MarketDataStrategy.Btc;
    private readonly TestProbe _feeds;
    private readonly TestProbe _reports;

    public StrategyMarketDataTests()
    {
        _feeds = CreateTestProbe("feeds");
        _reports = CreateTestProbe("reports");
    }

    [Fact]
    public void Subscriptions_go_to_the_feeds_with_the_strategy_as_subscriber()
    {
        var strategy = Start();

        foreach (var kind in (MarketDataKind[])[MarketDataKind.Quotes, MarketDataKind.Trades, MarketDataKind.Book, MarketDataKind.Bars, MarketDataKind.Ticker])
        {
            Assert.Equal(new SubscribeMarketData(Feed, Btc, kind), _feeds.ExpectMsg<SubscribeMarketData>());
            Assert.Equal(strategy, _feeds.LastSender);
        }

        _feeds.Reply(new MarketDataSubscribed(Feed, Btc, MarketDataKind.Ticker));
        Assert.Equal("subscribed", _reports.ExpectMsg<(string, object)>().Item1);
    }

    [Fact]
    public void Every_event_reaches_its_hook_and_is_acknowledged_after_it()
    {
        var strategy = Start();
        var t = UtcNow;
        object[] events =
        [
            new QuoteTick(Feed, Btc, 1m, 1m, 2m, 1m, t, t),
            new TradeTick(Feed, Btc, "1", 1m, 1m, OrderSide.Buy, t, t),
            new OrderBookSnapshot(Feed, Btc, 1, [], [], false, t, t),
            new OrderBookDelta(Feed, Btc, 1, 2, [], [], t, t),
            new Bar(Feed, Btc, "1m", t, t, 1m, 1m, 1m, 1m, 0m, false, t, t),
            new TickerTick(Feed, Btc, 1m, 2m, 1m, 1.5m, 3m, 4m, null, null, null, null, null, null, null, t, t),
        ];

        foreach (var (marketEvent, hook) in events.Zip((string[])["quote", "trade", "book", "delta", "bar", "ticker"]))
        {
            strategy.Tell(marketEvent, _feeds.Ref);
            Assert.Equal((hook, marketEvent), _reports.ExpectMsg<(string, object)>());
            _feeds.FishForMessage(m => m is MarketDataDelivered);
        }
    }

    [Fact]
    public void A_hook_that_throws_still_acknowledges_so_the_feed_is_never_stuck()
    {
        var strategy = Start();
        _feeds.ReceiveN(5);

        strategy.Tell(new QuoteTick(Feed, Btc, 0m, 1m, 2m, 1m, UtcNow, UtcNow), _feeds.Ref);

        _feeds.ExpectMsg<MarketDataDelivered>();
    }

    private IActorRef Start()
    {
        var context = new StrategyContext("md", [new LoginId("l")], CreateTestProbe().Ref, HoconConfig.Empty) { Feeds = _feeds.Ref };
        var reports = _reports.Ref;
        return Sys.ActorOf(Props.Create(() => new MarketDataStrategy(context, reports)), "md");
    }
}
