using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Strategies.Samples.Tests;

/// <summary>
/// The market maker with a feed and an initial-mid: it quotes around initial-mid until the feed's first quote, then
/// around the feed's mid (<see cref="MarketMakerFeedFixture"/>).
/// </summary>
public class MarketMakerFeedFallbackTests() : MarketMakerFeedFixture(FeedParameters("initial-mid = 200\n"))
{
    [Fact]
    public void Quotes_around_initial_mid_until_the_first_feed_quote_then_around_the_feed_mid()
    {
        Assert.Equal(new SubscribeMarketData(Feed, FeedBtc, MarketDataKind.Quotes), StartReady());

        var bid = ExpectQuote(OrderSide.Buy, 199.9m);
        var ask = ExpectQuote(OrderSide.Sell, 200.1m);
        Harness.Accept(bid, "v-bid");
        Harness.Accept(ask, "v-ask");

        SendQuote(209.9m, 210.1m);

        Assert.Equal(bid.ClientOrderId, Connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Buy, 209.89m);
        Assert.Equal(ask.ClientOrderId, Connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Sell, 210.11m);
    }
}
