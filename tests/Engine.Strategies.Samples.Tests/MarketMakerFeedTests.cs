using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Strategies.Samples.Tests;

/// <summary>The market maker with a feed and no initial-mid (<see cref="MarketMakerFeedFixture"/>).</summary>
public class MarketMakerFeedTests() : MarketMakerFeedFixture(FeedParameters())
{
    [Fact]
    public void Subscribes_to_the_feed_and_quotes_only_once_the_first_quote_arrived()
    {
        Assert.Equal(new SubscribeMarketData(Feed, FeedBtc, MarketDataKind.Quotes), StartReady());
        Connections.ExpectNoMsg(TimeSpan.Zero);

        SendQuote(199.9m, 200.1m);

        ExpectQuote(OrderSide.Buy, 199.9m);
        ExpectQuote(OrderSide.Sell, 200.1m);
    }

    [Fact]
    public void Requotes_around_the_new_mid_when_the_feed_moves_past_the_threshold_and_fills_do_not_move_the_mid()
    {
        var (bid, ask) = QuoteAround200();

        Harness.Fill(bid, 199.9m, 0.5m);
        Connections.ExpectNoMsg(TimeSpan.Zero);

        SendQuote(209.9m, 210.1m);

        Assert.Equal(ask.ClientOrderId, Connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Sell, 210.11m);
    }

    [Fact]
    public void Keeps_its_inventory_limit_with_a_feed()
    {
        var (bid, _) = QuoteAround200();

        Harness.Fill(bid, 199.9m, 0.5m);
        SendQuote(199.9m, 200.1m);

        Connections.ExpectNoMsg(TimeSpan.Zero);
        Assert.DoesNotContain(Connections.ReceiveWhile<object>(TimeSpan.Zero, m => m), m => m is SubmitOrder { Side: OrderSide.Buy });
    }

    [Fact]
    public void A_refused_subscription_leaves_the_maker_without_quotes()
    {
        StartReady();

        Feeds.Reply(new MarketDataSubscriptionRejected(Feed, FeedBtc, MarketDataKind.Quotes, "unknown feed"));
        Advance(TimeSpan.FromSeconds(5));

        Connections.ExpectNoMsg(TimeSpan.Zero);
    }

    private (SubmitOrder Bid, SubmitOrder Ask) QuoteAround200()
    {
        StartReady();
        SendQuote(199.9m, 200.1m);
        var bid = ExpectQuote(OrderSide.Buy, 199.9m);
        var ask = ExpectQuote(OrderSide.Sell, 200.1m);
        Harness.Accept(bid, "v-bid");
        Harness.Accept(ask, "v-ask");
        return (bid, ask);
    }
}
