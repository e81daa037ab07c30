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
/// The market maker with a feed, on virtual time: a probe plays the feeds (it receives the subscription and sends
/// quotes as a feed does, expecting each acknowledged) and the harness's probe the connections. The strategy quotes
/// BTC/USDT on <c>maker-login</c> from <c>sim-binance</c>'s BTCUSDT; a test class gives the rest of its parameters.
/// </summary>
public abstract class MarketMakerFeedFixture : EngineTestKit
{
    protected static readonly LoginId Login = new("maker-login");
    protected static readonly Symbol Btc = new("BTC/USDT");
    protected static readonly Symbol FeedBtc = new("BTCUSDT");
    protected static readonly FeedId Feed = new("sim-binance");
    protected static readonly SymbolRules Cents = new(Btc, PriceTick: 0.01m, SizeTick: 0.1m);

    /// <summary>
    /// The maker's parameters with the feed: quotes of 0.5 at 10 bps, requoted past 2 bps, refreshed every 5 s, at most 0.5
    /// long and 1 short; <paramref name="extra"/> (HOCON lines) adds to them.
    /// </summary>
    protected static string FeedParameters(string extra = "") => """
        symbol = "BTC/USDT"
        feed = sim-binance
        feed-symbol = BTCUSDT
        spread-bps = 10
        order-size = 0.5
        requote-threshold-bps = 2
        refresh-interval = 5s
        max-long = 0.5
        max-short = 1

        """ + extra;

    /// <summary>Creates the harness with <paramref name="parameters"/> (HOCON of the strategy) and the feeds probe.</summary>
    protected MarketMakerFeedFixture(string parameters)
    {
        Harness = new StrategyHarness(this, "mm", [Login], parameters, "mm.conf");
        Feeds = CreateTestProbe("feeds");
    }

    protected StrategyHarness Harness { get; }

    protected TestProbe Connections => Harness.Connections;

    protected TestProbe Feeds { get; }

    /// <summary>
    /// Starts the maker with <see cref="Feeds"/> as its feeds, answers its symbol query with <see cref="Cents"/> and
    /// reports the login ready; returns the subscription the maker sent (its sender is the last one <see cref="Feeds"/> saw).
    /// </summary>
    protected SubscribeMarketData StartReady()
    {
        var context = Harness.Context with { Feeds = Feeds.Ref };
        Harness.Start(Props.Create(() => new MarketMaker(context)));
        var subscription = Feeds.ExpectMsg<SubscribeMarketData>();
        Connections.ExpectMsg<QuerySymbolInfo>();
        Connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        Sys.EventStream.Publish(new ConnectionStateChanged(Login, UtcNow, ConnectionState.Ready));
        return subscription;
    }

    /// <summary>Sends a quote as the feed does and waits for the maker's acknowledgement, so the maker has handled it.</summary>
    protected void SendQuote(decimal bid, decimal ask)
    {
        Harness.Strategy.Tell(new QuoteTick(Feed, FeedBtc, bid, 1m, ask, 1m, UtcNow, UtcNow), Feeds.Ref);
        Feeds.ExpectMsg<MarketDataDelivered>();
    }

    /// <summary>The next order the maker submits: a quote of 0.5 BTC/USDT on <paramref name="side"/> at <paramref name="price"/>.</summary>
    protected SubmitOrder ExpectQuote(OrderSide side, decimal price)
    {
        var order = Connections.ExpectMsg<SubmitOrder>();
        Assert.Equal((Login, Btc, side, (decimal?)price, 0.5m), (order.Login, order.Symbol, order.Side, order.Price, order.Quantity));
        return order;
    }
}
