using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.Binance;
using Engine.Actors.MarketData.Books;
using Engine.Actors.Monitoring;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Venues.Binance;
using Engine.TestKit;

namespace Engine.Actors.Tests.MarketData;

/// <summary>
/// The real feed tree (supervisor, feed, backoff supervisor, session, transport) against the Binance simulator's
/// streams and REST depth over real loopback sockets. The engine runs on virtual time (reconnect backoff, control
/// pacing, timeouts); the simulator's market moves only when a test sets a mid, so every event is caused by the test.
/// A probe plays the strategy: it acknowledges each event as the strategy base class does (or not, to be slow).
/// </summary>
public sealed class BinanceFeedScenarios : EngineTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly FeedId Feed = new("bn-sim");
    private static readonly Symbol Btc = new("BTCUSDT");
    private SimulatorFixture _simulator = null!;
    private IActorRef _feeds = ActorRefs.Nobody;

    private BinanceSimulator Venue => (BinanceSimulator)_simulator.Host.Venue;

    public async Task InitializeAsync() =>
        _simulator = await SimulatorFixture.StartAsync("binance", new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero } });

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public void A_live_subscription_opens_the_stream_delivers_quotes_and_an_unsubscribe_closes_it()
    {
        StartFeeds();
        var strategy = CreateTestProbe();

        Subscribe(strategy, MarketDataKind.Quotes);
        AwaitStreams("btcusdt@bookTicker");
        SetMid(50_100m);

        var quote = Next<QuoteTick>(strategy);
        Assert.Equal((Feed, Btc), (quote.Feed, quote.Symbol));
        Assert.InRange(quote.Mid, 50_090m, 50_110m);
        Assert.True(quote.BidPrice < quote.AskPrice);

        strategy.Send(_feeds, new UnsubscribeMarketData(Feed, Btc, MarketDataKind.Quotes));
        AwaitStreams();
    }

    [Fact]
    public void An_unknown_feed_is_refused_naming_the_configured_ones()
    {
        StartFeeds();
        var strategy = CreateTestProbe();

        strategy.Send(_feeds, new SubscribeMarketData(new FeedId("nope"), Btc, MarketDataKind.Quotes));

        var refused = strategy.ExpectMsg<MarketDataSubscriptionRejected>(Wait);
        Assert.Contains("unknown or disabled feed 'nope'; configured feeds: bn-sim", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_strategy_gets_the_latest_quote_not_the_backlog()
    {
        StartFeeds();
        var slow = CreateTestProbe("slow");
        var fast = CreateTestProbe("fast");
        Subscribe(slow, MarketDataKind.Quotes);
        Subscribe(fast, MarketDataKind.Quotes);
        AwaitStreams("btcusdt@bookTicker");

        SetMid(50_000m);
        var first = slow.ExpectMsg<QuoteTick>(Wait);
        foreach (var mid in (decimal[])[50_100m, 50_200m, 50_300m, 50_400m])
        {
            SetMid(mid);
        }

        // The fast strategy acknowledges everything: once it has the 50,400 quote, the feed has offered it to both.
        DrainUntil(fast, 50_400m);
        slow.Reply(MarketDataDelivered.Instance);
        var conflated = slow.ExpectMsg<QuoteTick>(Wait);
        slow.Reply(MarketDataDelivered.Instance);
        SetMid(51_000m);
        DrainUntil(fast, 51_000m);
        var latest = slow.ExpectMsg<QuoteTick>(Wait);

        Assert.InRange(first.Mid, 49_990m, 50_010m);
        Assert.InRange(conflated.Mid, 50_390m, 50_410m);
        Assert.InRange(latest.Mid, 50_990m, 51_010m);
    }

    [Fact]
    public void The_local_book_joins_the_snapshot_follows_every_diff_and_resyncs_after_a_dropped_one()
    {
        var resyncs = CreateTestProbe();
        Sys.EventStream.Subscribe(resyncs.Ref, typeof(BookResynced));
        using var meters = new MeterListener();
        var counted = new ConcurrentQueue<long>();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MetricsNames.Meter && instrument.Name == "engine.marketdata.resyncs")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (map.GetValueOrDefault("feed") == Feed.Value && map.GetValueOrDefault("symbol") == Btc.Value && map.GetValueOrDefault("cause") == BookResynced.Gap)
            {
                counted.Enqueue(value);
            }
        });
        meters.Start();
        Sys.ActorOf(MetricsActor.Props(), "metrics");
        StartFeeds();
        var strategy = CreateTestProbe();
        Subscribe(strategy, MarketDataKind.Book);
        AwaitStreams("btcusdt@depth@100ms");
        var book = new LocalOrderBook();
        long? bookId = null;

        SetMid(50_000m);
        bookId = BookFollower.Follow(strategy, book, bookId, untilSnapshot: true, Wait);
        foreach (var mid in (decimal[])[50_010m, 50_020m])
        {
            SetMid(mid);
            bookId = BookFollower.Follow(strategy, book, bookId, untilSnapshot: false, Wait);
        }

        Venue.DropNextDepthUpdate("BTCUSDT");
        SetMid(50_030m);
        SetMid(50_040m);
        var resync = strategy.FishForMessage<OrderBookSnapshot>(m => { strategy.Reply(MarketDataDelivered.Instance); return m is OrderBookSnapshot; }, Wait);
        Assert.True(resync.IsResync);
        var resynced = resyncs.ExpectMsg<BookResynced>(Wait);
        Assert.Equal((Feed, Btc, BookResynced.Gap), (resynced.Feed, resynced.Symbol, resynced.Cause));
        AwaitAssert(() => Assert.Contains(1L, counted));
        book.Reset(resync.Bids, resync.Asks);
        bookId = resync.UpdateId;
        SetMid(50_050m);
        bookId = BookFollower.Follow(strategy, book, bookId, untilSnapshot: false, Wait);

        var truth = Rest($"api/v3/depth?symbol=BTCUSDT&limit=100");
        Assert.Equal(truth.GetProperty("lastUpdateId").GetInt64(), bookId);
        Assert.Equal(Levels(truth.GetProperty("bids")), book.Bids().ToArray());
        Assert.Equal(Levels(truth.GetProperty("asks")), book.Asks().ToArray());
        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void A_stale_snapshot_is_fetched_again_and_a_duplicated_diff_is_ignored_without_a_resync()
    {
        StartFeeds();
        var strategy = CreateTestProbe();
        Subscribe(strategy, MarketDataKind.Book);
        AwaitStreams("btcusdt@depth@100ms");
        Venue.ServeStaleSnapshotOnce("BTCUSDT");
        var book = new LocalOrderBook();

        SetMid(50_000m);
        var first = strategy.ExpectMsg<OrderBookSnapshot>(Wait);
        strategy.Reply(MarketDataDelivered.Instance);
        Assert.False(first.IsResync);
        Assert.Equal(Rest("api/v3/depth?symbol=BTCUSDT&limit=100").GetProperty("lastUpdateId").GetInt64(), first.UpdateId);
        book.Reset(first.Bids, first.Asks);
        long? bookId = first.UpdateId;
        Venue.DuplicateNextDepthUpdate("BTCUSDT");
        SetMid(50_010m);
        bookId = BookFollower.Follow(strategy, book, bookId, untilSnapshot: false, Wait);
        SetMid(50_020m);
        bookId = BookFollower.Follow(strategy, book, bookId, untilSnapshot: false, Wait);

        var truth = Rest("api/v3/depth?symbol=BTCUSDT&limit=100");
        Assert.Equal(truth.GetProperty("lastUpdateId").GetInt64(), bookId);
        Assert.Equal(Levels(truth.GetProperty("bids")), book.Bids().ToArray());
        Assert.Equal(Levels(truth.GetProperty("asks")), book.Asks().ToArray());
    }

    [Fact]
    public void A_closed_socket_is_reopened_after_the_backoff_and_the_streams_are_subscribed_again()
    {
        StartFeeds();
        var strategy = CreateTestProbe();
        Subscribe(strategy, MarketDataKind.Quotes);
        AwaitStreams("btcusdt@bookTicker");

        Assert.Equal(1, Venue.CloseStreams());
        AwaitAssert(
            () =>
            {
                Advance(TimeSpan.FromSeconds(1));
                Assert.Equal(["btcusdt@bookTicker"], Venue.StreamSubscriptions());
            },
            Wait,
            TimeSpan.FromMilliseconds(50));
        SetMid(51_000m);

        AwaitAssert(
            () =>
            {
                var quote = strategy.ExpectMsg<QuoteTick>(Wait);
                strategy.Reply(MarketDataDelivered.Instance);
                Assert.InRange(quote.Mid, 50_990m, 51_010m);
            },
            Wait);
    }

    [Fact]
    public void Before_the_venue_cut_a_new_socket_opens_first_and_takes_over_with_no_gap_and_no_duplicate()
    {
        StartFeeds(new FeedOptions { Name = Feed.Value, Venue = "binance", Url = Url, MaxConnectionAge = TimeSpan.FromHours(1) });
        var strategy = CreateTestProbe();
        Subscribe(strategy, MarketDataKind.Trades);
        Subscribe(strategy, MarketDataKind.Book);
        AwaitStreams("btcusdt@depth@100ms", "btcusdt@trade");
        var mid = 50_000m;
        SetMid(mid);
        var seen = new MarketDataSeen();
        seen.Until(strategy, () => seen.BookId is not null);

        // The age timer fires on the virtual clock; the market keeps moving (one trade and one diff per step) while both
        // sockets are open, until the new one took over and the old one is closed.
        Advance(TimeSpan.FromHours(1));
        (mid, var steps) = StepUntilReplaced(mid);
        for (var i = 0; i < 3; i++)
        {
            SetMid(mid += 10m);
            steps++;
        }

        seen.Until(strategy, () => seen.Trades.Count == steps);
        Assert.Equal(Enumerable.Range(0, steps).Select(i => seen.Trades[0] + i), seen.Trades);
        Assert.Equal(0, seen.Resyncs);
        AwaitStreams("btcusdt@depth@100ms", "btcusdt@trade");

        SetMid(mid + 10m);
        seen.Until(strategy, () => seen.Trades.Count == steps + 1);
        Assert.Equal(seen.Trades[^2] + 1, seen.Trades[^1]);
        Assert.Equal(0, seen.Resyncs);
    }

    [Fact]
    public void A_server_shutdown_announcement_replaces_the_socket_at_once_opening_the_new_one_first()
    {
        StartFeeds();
        var strategy = CreateTestProbe();
        Subscribe(strategy, MarketDataKind.Trades);
        AwaitStreams("btcusdt@trade");
        var mid = 50_000m;
        SetMid(mid);

        Assert.Equal(1, Venue.AnnounceStreamsShutdown());

        var (_, steps) = StepUntilReplaced(mid);
        AwaitStreams("btcusdt@trade");
        var seen = new MarketDataSeen();
        seen.Until(strategy, () => seen.Trades.Count == steps);
        Assert.Equal(Enumerable.Range(0, steps).Select(i => seen.Trades[0] + i), seen.Trades);
    }

    [Fact]
    public void Configured_symbols_are_subscribed_at_start_and_stay_when_a_strategy_leaves()
    {
        StartFeeds(new FeedOptions { Name = Feed.Value, Venue = "binance", Url = Url, Symbols = ["BTCUSDT", "ETHUSDT"], Channels = [MarketDataKind.Quotes, MarketDataKind.Trades] });
        AwaitStreams("btcusdt@bookTicker", "btcusdt@trade", "ethusdt@bookTicker", "ethusdt@trade");
        var strategy = CreateTestProbe();

        Subscribe(strategy, MarketDataKind.Quotes);
        Sys.Stop(strategy.Ref);

        SetMid(50_000m);
        AwaitStreams("btcusdt@bookTicker", "btcusdt@trade", "ethusdt@bookTicker", "ethusdt@trade");
    }

    private Uri Url => new($"ws://{_simulator.WebSocketUri.Authority}");

    private void StartFeeds(FeedOptions? options = null)
    {
        options ??= new FeedOptions { Name = Feed.Value, Venue = "binance", Url = Url };
        Assert.Empty(options.Validate());
        _feeds = Sys.ActorOf(FeedsSupervisor.Props(new FeedsSettings([options])), "feeds");
    }

    private void Subscribe(TestProbe strategy, MarketDataKind kind)
    {
        strategy.Send(_feeds, new SubscribeMarketData(Feed, Btc, kind));
        strategy.ExpectMsg<MarketDataSubscribed>(Wait);
    }

    private void AwaitStreams(params string[] streams) =>
        AwaitAssert(() => Assert.Equal(streams, Venue.StreamSubscriptions()), Wait, TimeSpan.FromMilliseconds(20));

    private void SetMid(decimal mid) => Venue.ApplyMarket(new MarketCommand { Symbol = "BTCUSDT", Mid = mid });

    /// <summary>
    /// Moves the market one step (a trade and a diff) at a time, from <paramref name="mid"/>, until the replacement socket
    /// has taken over (two accepted, one open); returns the last mid set and the number of steps.
    /// </summary>
    private (decimal Mid, int Steps) StepUntilReplaced(decimal mid)
    {
        var steps = 0;
        AwaitAssert(
            () =>
            {
                SetMid(mid += 10m);
                steps++;
                Assert.Equal(2, Venue.StreamConnectionsAccepted);
                Assert.Equal(1, Venue.StreamConnections);
            },
            Wait,
            TimeSpan.FromMilliseconds(20));
        return (mid, steps);
    }

    private static void DrainUntil(TestProbe strategy, decimal mid)
    {
        while (true)
        {
            var quote = Next<QuoteTick>(strategy);
            if (Math.Abs(quote.Mid - mid) < 10m)
            {
                return;
            }
        }
    }

    private static T Next<T>(TestProbe strategy)
    {
        var message = strategy.ExpectMsg<T>(Wait);
        strategy.Reply(MarketDataDelivered.Instance);
        return message;
    }

    private JsonElement Rest(string path)
    {
        using var http = new HttpClient { BaseAddress = _simulator.Host.BaseUri };
        return http.GetFromJsonAsync<JsonElement>(path).GetAwaiter().GetResult();
    }

    private static BookLevel[] Levels(JsonElement array) =>
        [.. array.EnumerateArray().Select(l => new BookLevel(decimal.Parse(l[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(l[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>
    /// What a probe strategy received of trades and book events, acknowledging each: trade ids in order, and the book
    /// followed delta by delta (each must continue the last id; a conflated snapshot may replace queued deltas).
    /// </summary>
    private sealed class MarketDataSeen
    {
        private readonly LocalOrderBook _book = new();

        public List<long> Trades { get; } = [];

        public long? BookId { get; private set; }

        public int Resyncs { get; private set; }

        public void Until(TestProbe strategy, Func<bool> done)
        {
            while (!done())
            {
                var message = strategy.ExpectMsg<IMarketDataEvent>(Wait);
                strategy.Reply(MarketDataDelivered.Instance);
                switch (message)
                {
                    case TradeTick trade:
                        Trades.Add(long.Parse(trade.TradeId, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case OrderBookSnapshot snapshot:
                        Resyncs += snapshot.IsResync ? 1 : 0;
                        Assert.True(BookId is null || snapshot.UpdateId >= BookId);
                        _book.Reset(snapshot.Bids, snapshot.Asks);
                        BookId = snapshot.UpdateId;
                        break;
                    case OrderBookDelta delta:
                        Assert.Equal(BookId, delta.PreviousUpdateId);
                        _book.Apply(delta.Bids, delta.Asks);
                        Assert.False(_book.IsCrossed);
                        BookId = delta.UpdateId;
                        break;
                }
            }
        }
    }
}
