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
/// The market maker with a feed: a probe plays the feeds (it receives the subscription and sends quotes as a feed
/// does, expecting each acknowledged) and another the connections, on virtual time.
/// </summary>
public class MarketMakerFeedTests : EngineTestKit
{
    private const string Parameters = """
        symbol = "BTC/USDT"
        feed = sim-binance
        feed-symbol = BTCUSDT
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
    private readonly TestProbe _connections;
    private readonly TestProbe _feeds;

    public MarketMakerFeedTests()
    {
        _harness = new StrategyHarness(this, "mm", [Login], Parameters, "mm.conf");
        _connections = _harness.Connections;
        _feeds = CreateTestProbe("feeds");
    }

    [Fact]
    public void Subscribes_to_the_feed_and_quotes_only_once_the_first_quote_arrived()
    {
        Start();
        Assert.Equal(new SubscribeMarketData(Feed, FeedBtc, MarketDataKind.Quotes), _feeds.ExpectMsg<SubscribeMarketData>());
        _connections.ExpectMsg<QuerySymbolInfo>();
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        Sys.EventStream.Publish(new ConnectionStateChanged(Login, UtcNow, ConnectionState.Ready));
        _connections.ExpectNoMsg(TimeSpan.Zero);

        SendQuote(199.9m, 200.1m);

        ExpectQuote(OrderSide.Buy, 199.9m);
        ExpectQuote(OrderSide.Sell, 200.1m);
    }

    [Fact]
    public void Requotes_around_the_new_mid_when_the_feed_moves_past_the_threshold_and_fills_do_not_move_the_mid()
    {
        var (bid, ask) = QuoteAround200();

        _harness.Fill(bid, 199.9m, 0.5m);
        _connections.ExpectNoMsg(TimeSpan.Zero);

        SendQuote(209.9m, 210.1m);

        Assert.Equal(ask.ClientOrderId, _connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Sell, 210.11m);
    }

    [Fact]
    public void Keeps_its_inventory_limit_with_a_feed()
    {
        var (bid, _) = QuoteAround200();

        _harness.Fill(bid, 199.9m, 0.5m);
        SendQuote(199.9m, 200.1m);

        _connections.ExpectNoMsg(TimeSpan.Zero);
        Assert.DoesNotContain(_connections.ReceiveWhile<object>(TimeSpan.Zero, m => m), m => m is SubmitOrder { Side: OrderSide.Buy });
    }

    [Fact]
    public void A_refused_subscription_leaves_the_maker_without_quotes()
    {
        Start();
        _feeds.ExpectMsg<SubscribeMarketData>();
        _connections.ExpectMsg<QuerySymbolInfo>();
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        Sys.EventStream.Publish(new ConnectionStateChanged(Login, UtcNow, ConnectionState.Ready));

        _feeds.Reply(new MarketDataSubscriptionRejected(Feed, FeedBtc, MarketDataKind.Quotes, "unknown feed"));
        Advance(TimeSpan.FromSeconds(5));

        _connections.ExpectNoMsg(TimeSpan.Zero);
    }

    private (SubmitOrder Bid, SubmitOrder Ask) QuoteAround200()
    {
        Start();
        _feeds.ExpectMsg<SubscribeMarketData>();
        _connections.ExpectMsg<QuerySymbolInfo>();
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        Sys.EventStream.Publish(new ConnectionStateChanged(Login, UtcNow, ConnectionState.Ready));
        SendQuote(199.9m, 200.1m);
        var bid = ExpectQuote(OrderSide.Buy, 199.9m);
        var ask = ExpectQuote(OrderSide.Sell, 200.1m);
        _harness.Accept(bid, "v-bid");
        _harness.Accept(ask, "v-ask");
        return (bid, ask);
    }

    private void Start()
    {
        var context = _harness.Context with { Feeds = _feeds.Ref };
        _harness.Start(Props.Create(() => new MarketMaker(context)));
    }

    /// <summary>Sends a quote as the feed does and waits for the maker's acknowledgement, so the maker has handled it.</summary>
    private void SendQuote(decimal bid, decimal ask)
    {
        _harness.Strategy.Tell(new QuoteTick(Feed, FeedBtc, bid, 1m, ask, 1m, UtcNow, UtcNow), _feeds.Ref);
        _feeds.ExpectMsg<MarketDataDelivered>();
    }

    private SubmitOrder ExpectQuote(OrderSide side, decimal price)
    {
        var order = _connections.ExpectMsg<SubmitOrder>();
        Assert.Equal((Login, Btc, side, (decimal?)price, 0.5m), (order.Login, order.Symbol, order.Side, order.Price, order.Quantity));
        return order;
    }
}
