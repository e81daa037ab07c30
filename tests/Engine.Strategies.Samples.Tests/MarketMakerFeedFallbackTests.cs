using Akka.Actor;
using Akka.TestKit;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Engine.TestKit;

namespace Engine.Strategies.Samples.Tests;

/// <summary>
/// The market maker with a feed and an initial-mid: it quotes around initial-mid until the feed's first quote, then
/// around the feed's mid. A probe plays the feeds and another the connections, on virtual time.
/// </summary>
public class MarketMakerFeedFallbackTests : EngineTestKit
{
    private const string Parameters = """
        symbol = "BTC/USDT"
        feed = sim-binance
        feed-symbol = BTCUSDT
        initial-mid = 200
        spread-bps = 10
        order-size = 0.5
        requote-threshold-bps = 2
        refresh-interval = 5s
        max-long = 0.5
        max-short = 1
        """;

    private static readonly LoginId Login = new("maker-login");
    private static readonly Symbol Btc = new("BTC/USDT");
    private static readonly Symbol FeedBtc = new("BTCUSDT");
    private static readonly FeedId Feed = new("sim-binance");
    private static readonly SymbolRules Cents = new(Btc, PriceTick: 0.01m, SizeTick: 0.1m);
    private readonly StrategyHarness _harness;
    private readonly TestProbe _feeds;

    public MarketMakerFeedFallbackTests()
    {
        _harness = new StrategyHarness(this, "mm", [Login], Parameters, "mm.conf");
        _feeds = CreateTestProbe("feeds");
    }

    [Fact]
    public void Quotes_around_initial_mid_until_the_first_feed_quote_then_around_the_feed_mid()
    {
        var context = _harness.Context with { Feeds = _feeds.Ref };
        _harness.Start(Props.Create(() => new MarketMaker(context)));
        Assert.Equal(new SubscribeMarketData(Feed, FeedBtc, MarketDataKind.Quotes), _feeds.ExpectMsg<SubscribeMarketData>());
        _harness.Connections.ExpectMsg<QuerySymbolInfo>();
        _harness.Connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        Sys.EventStream.Publish(new ConnectionStateChanged(Login, UtcNow, ConnectionState.Ready));

        var bid = ExpectQuote(OrderSide.Buy, 199.9m);
        var ask = ExpectQuote(OrderSide.Sell, 200.1m);
        _harness.Accept(bid, "v-bid");
        _harness.Accept(ask, "v-ask");

        _harness.Strategy.Tell(new QuoteTick(Feed, FeedBtc, 209.9m, 1m, 210.1m, 1m, UtcNow, UtcNow), _feeds.Ref);
        _feeds.ExpectMsg<MarketDataDelivered>();

        Assert.Equal(bid.ClientOrderId, _harness.Connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Buy, 209.89m);
        Assert.Equal(ask.ClientOrderId, _harness.Connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Sell, 210.11m);
    }

    private SubmitOrder ExpectQuote(OrderSide side, decimal price)
    {
        var order = _harness.Connections.ExpectMsg<SubmitOrder>();
        Assert.Equal((Login, Btc, side, (decimal?)price, 0.5m), (order.Login, order.Symbol, order.Side, order.Price, order.Quantity));
        return order;
    }
}
