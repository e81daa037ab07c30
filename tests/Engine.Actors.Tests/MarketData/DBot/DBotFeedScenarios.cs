using System.Net.Http.Json;
using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.MarketData;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.DBot;
using Engine.TestKit;
using SimOptions = Engine.Simulator.Venues.DBot.DBotOptions;

namespace Engine.Actors.Tests.MarketData.DBot;

/// <summary>
/// The real feed tree against the DBot simulator's data WebSocket over loopback: the key on the upgrade, subscriptions
/// per type, pool prices as quotes and chain trades (leaders' and the simulator's own executions) as trades, live
/// subscribe and unsubscribe, and the feed's Ping frames reaching the venue. The chain moves only when a test moves it.
/// </summary>
public sealed class DBotFeedScenarios : EngineTestKit, IAsyncLifetime
{
    private const string Popcat = "Hkj4kM5ZfpjjL8y6YJEXxWqvMjUbVZMGd2t5xxg2ZrBv";
    private const string Wif = "EP2ib6dYdEeqD8MfE2ezHCxX3kP3K2eLKkirfPm5eyMx";
    private const string Leader = "4Be9CvxqHW6BYiRAxW9Q3xu1ycTMWaL5z8NX4HR3ha7t";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly FeedId Feed = new("dbot-md");
    private SimulatorFixture _simulator = null!;
    private IActorRef _feeds = ActorRefs.Nobody;

    private DBotSimulator Venue => (DBotSimulator)_simulator.Host.Venue;

    public async Task InitializeAsync() =>
        _simulator = await SimulatorFixture.StartAsync("dbot", new SimulatorOptions { DBot = new SimOptions { ActivityInterval = TimeSpan.Zero, FailRate = 0, IdleTimeout = TimeSpan.FromHours(1) } });

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public void Configured_pools_deliver_their_price_as_quotes_and_chain_trades_as_trades()
    {
        StartFeeds(Options() with { Symbols = [Popcat], Channels = [MarketDataKind.Quotes, MarketDataKind.Trades] });
        AwaitSubscriptions("pairInfo:" + Popcat, "tx:" + Popcat);
        var strategy = CreateTestProbe();
        Subscribe(strategy, Popcat, MarketDataKind.Quotes);
        Subscribe(strategy, Popcat, MarketDataKind.Trades);

        Venue.ApplyMarket(new MarketCommand { Symbol = "POPCAT", Mid = 0.5m });
        var quote = Next<QuoteTick>(strategy);
        Assert.Equal((Feed, new Symbol(Popcat), 0.5m, 0.5m), (quote.Feed, quote.Symbol, quote.BidPrice, quote.AskPrice));

        Venue.LeaderTrade(Leader, "POPCAT", buy: false);
        var trade = Next<TradeTick>(strategy);
        Assert.Equal((new Symbol(Popcat), OrderSide.Sell, 0.5m, 300m), (trade.Symbol, trade.Aggressor, trade.Price, trade.Quantity));
        strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_live_subscription_adds_the_pool_and_the_last_unsubscribe_removes_it_without_a_reconnect()
    {
        StartFeeds(Options());
        var strategy = CreateTestProbe();
        Subscribe(strategy, Wif, MarketDataKind.Trades);
        AwaitSubscriptions("tx:" + Wif);
        var connection = Assert.Single(Venue.Connections(), c => c.Kind == "data").Id;

        Subscribe(strategy, Popcat, MarketDataKind.Quotes);
        AwaitSubscriptions("tx:" + Wif, "pairInfo:" + Popcat);
        strategy.Send(_feeds, new UnsubscribeMarketData(Feed, new Symbol(Wif), MarketDataKind.Trades));
        AwaitSubscriptions("pairInfo:" + Popcat);
        Assert.Equal(connection, Assert.Single(Venue.Connections(), c => c.Kind == "data").Id);
    }

    [Fact]
    public void The_feeds_ping_frames_reach_the_venue_as_its_heartbeat()
    {
        // The socket also gives up on a pong missing for one interval, and the simulator answers from this (busy) test
        // process: 2 s, not 1 s, so a slow pong under load does not replace the connection while its pings are counted.
        StartFeeds(Options() with { Symbols = [Popcat], Channels = [MarketDataKind.Trades], KeepAliveInterval = TimeSpan.FromSeconds(2) });
        AwaitSubscriptions("tx:" + Popcat);
        using var control = new HttpClient { BaseAddress = _simulator.Host.BaseUri };
        AwaitAssert(
            () =>
            {
                var connections = control.GetFromJsonAsync<List<DBotConnectionInfo>>("_control/dbot/connections", ControlJson.Options).GetAwaiter().GetResult()!;
                Assert.True(connections.Single(c => c.Kind == "data").Pings >= 2);
            },
            Wait,
            TimeSpan.FromMilliseconds(200));
    }

    private FeedOptions Options() => new()
    {
        Name = Feed.Value,
        Venue = FeedVenues.DBot,
        Url = new Uri($"ws://{_simulator.WebSocketUri.Authority}"),
        ApiKey = "demo-dbot-key",
        Channels = [MarketDataKind.Quotes, MarketDataKind.Trades],
    };

    private void StartFeeds(FeedOptions options)
    {
        Assert.Empty(options.Validate());
        _feeds = Sys.ActorOf(FeedsSupervisor.Props(new FeedsSettings([options])), "feeds");
    }

    private void Subscribe(TestProbe strategy, string pool, MarketDataKind kind)
    {
        strategy.Send(_feeds, new SubscribeMarketData(Feed, new Symbol(pool), kind));
        strategy.ExpectMsg<MarketDataSubscribed>(Wait);
    }

    private void AwaitSubscriptions(params string[] expected) =>
        AwaitAssert(() => Assert.Equal(expected.Order(StringComparer.Ordinal), Assert.Single(Venue.Connections(), c => c.Kind == "data").Subscriptions.Order(StringComparer.Ordinal)), Wait, TimeSpan.FromMilliseconds(20));

    /// <summary>The next <typeparamref name="T"/>, acknowledging every event on the way as the strategy base class does.</summary>
    private static T Next<T>(TestProbe strategy)
    {
        while (true)
        {
            var message = strategy.ExpectMsg<IMarketDataEvent>(Wait);
            strategy.Reply(MarketDataDelivered.Instance);
            if (message is T wanted)
            {
                return wanted;
            }
        }
    }
}
