using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Monitoring;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.TestKit;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

/// <summary>The status line's feed prices: a position whose pair a feed carries shows the feed's price and is marked at its mid.</summary>
public class StatusFeedMarksTests : EngineTestKit
{
    private static readonly FeedId Feed = new("sim-binance");
    private static readonly Symbol FeedBtc = new("BTCUSDT");

    [Fact]
    public void A_position_is_marked_at_the_feed_mid_of_its_pair_and_the_feed_price_is_shown()
    {
        var board = new StatusBoard([Login]);
        board.Apply(Submit("a"));
        board.Apply(Accept("a"));
        board.Apply(Fill("a", "f1", 1m, 100m));
        board.Apply(new TradeTick(Feed, FeedBtc, "t1", 104m, 0.1m, OrderSide.Buy, T0, T0));
        board.Apply(new QuoteTick(Feed, FeedBtc, 105m, 1m, 107m, 1m, T0, T0));

        Assert.Equal(
            [
                "qg-huobi Disconnected | open 0 | fills 1 | BTC/USDT pos 1 avg 100 last 100 feed sim-binance BTCUSDT 104 mark 106 realised 0 unrealised 6 fees 0 pnl 6",
                "feeds | sim-binance BTCUSDT last 104 mid 106",
            ],
            board.Render());
        Assert.Equal(6m, StatusSnapshot.Of(board).Logins[0].Positions[0].UnrealisedPnl);
    }

    [Fact]
    public void Without_a_feed_quote_of_the_pair_unrealised_pnl_is_marked_at_the_last_fill()
    {
        var board = new StatusBoard([Login]);
        board.Apply(Submit("a"));
        board.Apply(Accept("a"));
        board.Apply(Fill("a", "f1", 1m, 100m));
        board.Apply(new QuoteTick(Feed, new Symbol("ETHUSDT"), 2000m, 1m, 2002m, 1m, T0, T0));
        // A crossed or empty quote marks nothing.
        board.Apply(new QuoteTick(Feed, FeedBtc, 110m, 1m, 109m, 1m, T0, T0));

        Assert.Equal(
            [
                "qg-huobi Disconnected | open 0 | fills 1 | BTC/USDT pos 1 avg 100 last 100 realised 0 unrealised 0 fees 0 pnl 0",
                "feeds | sim-binance ETHUSDT mid 2001",
            ],
            board.Render());
    }

    [Fact]
    public void The_reporter_subscribes_to_the_feeds_until_confirmed_and_acknowledges_each_event()
    {
        var feeds = CreateTestProbe("feeds-probe");
        Sys.ActorOf(Props.Create(() => new FeedsParent(feeds)), "engine");
        AwaitAssert(() => Assert.NotNull(Sys.ActorSelection("/user/engine/feeds").ResolveOne(TimeSpan.FromSeconds(1)).GetAwaiter().GetResult()));
        var subscribe = new SubscribeMarketData(Feed, FeedBtc, MarketDataKind.Quotes);
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), (Func<ActorSystem, Akka.Streams.Dsl.Source<Engine.Messages.IEngineEvent, Akka.NotUsed>>?)null, [subscribe]), "status");

        Assert.Equal(subscribe, feeds.ExpectMsg<SubscribeMarketData>());
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(subscribe, feeds.ExpectMsg<SubscribeMarketData>());
        feeds.Reply(new MarketDataSubscribed(Feed, FeedBtc, MarketDataKind.Quotes));
        feeds.Send(reporter, new QuoteTick(Feed, FeedBtc, 99m, 1m, 101m, 1m, T0, T0));
        feeds.ExpectMsg<MarketDataDelivered>();
        Advance(TimeSpan.FromSeconds(5));
        feeds.ExpectNoMsg(TimeSpan.Zero);

        reporter.Tell(GetStatusLines.Instance, TestActor);
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0", "feeds | sim-binance BTCUSDT mid 100"], ExpectMsg<StatusLines>().Lines);
    }

    /// <summary>Stands in for <c>/user/engine</c>: its child <c>feeds</c> forwards everything to the probe.</summary>
    private sealed class FeedsParent : ReceiveActor
    {
        public FeedsParent(TestProbe probe)
        {
            Context.ActorOf(Props.Create(() => new Forward(probe)), "feeds");
        }
    }

    private sealed class Forward : ReceiveActor
    {
        public Forward(TestProbe probe) => ReceiveAny(m => probe.Ref.Forward(m));
    }
}
