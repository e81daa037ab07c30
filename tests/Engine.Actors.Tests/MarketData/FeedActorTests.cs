using Akka.Actor;
using Akka.TestKit.TestActors;
using Engine.Actors.MarketData;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.TestKit;

namespace Engine.Actors.Tests.MarketData;

/// <summary>
/// The feed actor without a socket (its session is a black hole): a burst from the session reaches a subscriber as the
/// latest quote and ticker and every trade in order; a venue without tickers refuses a ticker subscription.
/// </summary>
public class FeedActorTests : EngineTestKit
{
    private static readonly FeedId Feed = new("bn-md");
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void A_burst_reaches_a_subscriber_as_the_latest_quote_and_ticker_and_every_trade_in_order()
    {
        var feed = StartFeed("binance");
        var strategy = CreateTestProbe();
        foreach (var kind in (MarketDataKind[])[MarketDataKind.Quotes, MarketDataKind.Trades, MarketDataKind.Ticker])
        {
            strategy.Send(feed, new SubscribeMarketData(Feed, Btc, kind));
            strategy.ExpectMsg<MarketDataSubscribed>();
        }

        var t = UtcNow;
        feed.Tell(new FeedEvents([Quote(1m, t), Trade("1", t), Quote(2m, t), Ticker(10m, t), Trade("2", t), Quote(3m, t), Ticker(11m, t)]));

        Assert.Equal(3m, strategy.ExpectMsg<QuoteTick>().BidPrice);
        strategy.ExpectNoMsg(TimeSpan.Zero);
        feed.Tell(MarketDataDelivered.Instance, strategy.Ref);
        Assert.Equal("1", strategy.ExpectMsg<TradeTick>().TradeId);
        feed.Tell(MarketDataDelivered.Instance, strategy.Ref);
        Assert.Equal(11m, strategy.ExpectMsg<TickerTick>().Last);
        feed.Tell(MarketDataDelivered.Instance, strategy.Ref);
        Assert.Equal("2", strategy.ExpectMsg<TradeTick>().TradeId);
        feed.Tell(MarketDataDelivered.Instance, strategy.Ref);
        strategy.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_single_event_told_alone_is_handed_over_at_once()
    {
        var feed = StartFeed("binance");
        var strategy = CreateTestProbe();
        strategy.Send(feed, new SubscribeMarketData(Feed, Btc, MarketDataKind.Ticker));
        strategy.ExpectMsg<MarketDataSubscribed>();

        feed.Tell(Ticker(12m, UtcNow));

        Assert.Equal(12m, strategy.ExpectMsg<TickerTick>().Last);
    }

    [Fact]
    public void A_ticker_subscription_on_a_venue_without_tickers_is_refused_naming_what_it_carries()
    {
        var feed = StartFeed("toobit");
        var strategy = CreateTestProbe();

        strategy.Send(feed, new SubscribeMarketData(Feed, Btc, MarketDataKind.Ticker));

        var refused = strategy.ExpectMsg<MarketDataSubscriptionRejected>();
        Assert.Contains("does not carry Ticker; expected one of: Quotes, Trades, Book, Bars", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ticker_channel_is_refused_by_the_options_of_a_venue_without_tickers()
    {
        var options = new FeedOptions { Name = "tb", Venue = "toobit", Url = new Uri("wss://stream.toobit.com"), Symbols = ["BTCUSDT"], Channels = [MarketDataKind.Ticker] };

        Assert.Contains(options.Validate(), p => p.Contains("channel 'Ticker' is not carried by toobit's feed", StringComparison.Ordinal));
        var binance = options with { Venue = "binance", Url = new Uri("wss://stream.binance.com:9443") };
        Assert.DoesNotContain(binance.Validate(), p => p.Contains("channel", StringComparison.Ordinal));
    }

    private IActorRef StartFeed(string venue) =>
        Sys.ActorOf(FeedActor.Props(new FeedOptions { Name = Feed.Value, Venue = venue, Url = new Uri("wss://localhost:1") }, _ => BlackHoleActor.Props, 1024));

    private static QuoteTick Quote(decimal bid, DateTimeOffset t) => new(Feed, Btc, bid, 1m, bid + 1m, 1m, t, t);

    private static TradeTick Trade(string id, DateTimeOffset t) => new(Feed, Btc, id, 1m, 1m, OrderSide.Buy, t, t);

    private static TickerTick Ticker(decimal last, DateTimeOffset t) => new(Feed, Btc, 1m, 20m, 1m, last, 5m, 50m, null, null, null, null, null, null, null, t, t);
}
