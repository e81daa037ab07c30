using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Venues.Toobit;
using Engine.TestKit;

namespace Engine.Actors.Tests.MarketData.Toobit;

/// <summary>
/// The real feed tree with the Toobit codec against the Toobit simulator's quote WebSocket over real loopback sockets.
/// The engine runs on virtual time (heartbeats, reconnect backoff, control pacing); the simulator's market moves only
/// when a test sets a mid. A probe plays the strategy and acknowledges each event.
/// </summary>
public sealed class ToobitFeedScenarios : EngineTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly FeedId Feed = new("tb-sim");
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Symbol Swap = new("BTC-SWAP-USDT");
    private SimulatorFixture _simulator = null!;
    private IActorRef _feeds = ActorRefs.Nobody;

    private ToobitSimulator Venue => (ToobitSimulator)_simulator.Host.Venue;

    public async Task InitializeAsync() =>
        _simulator = await SimulatorFixture.StartAsync("toobit", new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero } });

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public void Live_subscriptions_deliver_spot_and_futures_quotes_and_trades_and_an_unsubscribe_cancels_the_topic()
    {
        StartFeeds();
        var quotes = CreateTestProbe("quotes");
        var trades = CreateTestProbe("trades");
        var swap = CreateTestProbe("swap");
        Subscribe(quotes, Btc, MarketDataKind.Quotes);
        Subscribe(trades, Btc, MarketDataKind.Trades);
        Subscribe(swap, Swap, MarketDataKind.Quotes);
        AwaitSubscriptions("depth:BTC-SWAP-USDT", "depth:BTCUSDT", "trade:BTCUSDT");

        SetMid(Btc, 50_100m);
        SetMid(Swap, 49_000m);
        var spot = Until<QuoteTick>(quotes, q => q.Symbol == Btc && Math.Abs(q.Mid - 50_100m) < 10m);
        Assert.True(spot.BidPrice < spot.AskPrice);
        Until<QuoteTick>(swap, q => q.Symbol == Swap && Math.Abs(q.Mid - 49_000m) < 10m);

        SetMid(Btc, 50_300m);
        var up = Until<TradeTick>(trades, t => t.Symbol == Btc && t.Price > 50_200m);
        Assert.Equal(OrderSide.Buy, up.Aggressor);
        Assert.Equal(19, up.TradeId.Length);
        SetMid(Btc, 50_000m);
        Assert.Equal(OrderSide.Sell, Until<TradeTick>(trades, t => t.Symbol == Btc && t.Price < 50_100m).Aggressor);

        quotes.Send(_feeds, new UnsubscribeMarketData(Feed, Btc, MarketDataKind.Quotes));
        AwaitSubscriptions("depth:BTC-SWAP-USDT", "trade:BTCUSDT");
    }

    [Fact]
    public void The_local_book_follows_every_delta_resubscribes_after_a_dropped_one_and_ends_equal_to_the_venue()
    {
        StartFeeds();
        var strategy = CreateTestProbe();
        Subscribe(strategy, Btc, MarketDataKind.Book);
        AwaitSubscriptions("diffDepth:BTCUSDT");
        var book = new LocalOrderBook();

        var bookId = BookFollower.Follow(strategy, book, null, untilSnapshot: true, Wait);
        foreach (var mid in (decimal[])[50_010m, 50_020m])
        {
            SetMid(Btc, mid);
            bookId = BookFollower.Follow(strategy, book, bookId, untilSnapshot: false, Wait);
        }

        Venue.DropNextDiffDepth("BTCUSDT");
        SetMid(Btc, 50_030m);
        SetMid(Btc, 50_040m);
        var resync = strategy.FishForMessage<OrderBookSnapshot>(m => { strategy.Reply(MarketDataDelivered.Instance); return m is OrderBookSnapshot; }, Wait);
        Assert.True(resync.IsResync);
        book.Reset(resync.Bids, resync.Asks);
        bookId = resync.UpdateId;
        SetMid(Btc, 50_050m);
        BookFollower.Follow(strategy, book, bookId, untilSnapshot: false, Wait);

        var truth = Rest("quote/v1/depth?symbol=BTCUSDT&limit=200");
        Assert.Equal(Levels(truth.GetProperty("b")), book.Bids().ToArray());
        Assert.Equal(Levels(truth.GetProperty("a")), book.Asks().ToArray());
        Assert.False(book.IsCrossed);
        Assert.Equal(1, Venue.QuoteConnectionsAccepted);
    }

    [Fact]
    public void A_missing_pong_replaces_the_socket_and_a_closed_one_is_reopened_with_a_fresh_book()
    {
        StartFeeds();
        var strategy = CreateTestProbe();
        Subscribe(strategy, Btc, MarketDataKind.Book);
        AwaitSubscriptions("diffDepth:BTCUSDT");
        Assert.False(strategy.ExpectMsg<OrderBookSnapshot>(Wait).IsResync);
        strategy.Reply(MarketDataDelivered.Instance);

        Venue.AnswerQuotePings = false;
        Advance(TimeSpan.FromSeconds(20));
        AwaitAssert(() => Assert.Equal(1, Venue.QuotePingsReceived), Wait);
        Advance(TimeSpan.FromSeconds(5));
        AwaitAssert(() => Assert.Equal(2, Venue.QuoteConnectionsAccepted), Wait);
        AwaitSubscriptions("diffDepth:BTCUSDT");
        Assert.True(strategy.FishForMessage<OrderBookSnapshot>(m => { strategy.Reply(MarketDataDelivered.Instance); return m is OrderBookSnapshot; }, Wait).IsResync);

        Venue.AnswerQuotePings = true;
        Assert.Equal(1, Venue.CloseQuoteStreams());
        AwaitAssert(
            () =>
            {
                Advance(TimeSpan.FromSeconds(1));
                Assert.Equal(3, Venue.QuoteConnectionsAccepted);
                Assert.Equal(["diffDepth:BTCUSDT"], Venue.QuoteSubscriptions());
            },
            Wait,
            TimeSpan.FromMilliseconds(50));
        SetMid(Btc, 51_000m);
        var fresh = strategy.FishForMessage<OrderBookSnapshot>(m => { strategy.Reply(MarketDataDelivered.Instance); return m is OrderBookSnapshot; }, Wait);
        Assert.True(fresh.IsResync);
    }

    [Fact]
    public async Task The_quote_socket_answers_pings_refuses_unknown_symbols_and_sends_a_full_push_first()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{_simulator.WebSocketUri.Authority}/quote/ws/v1"), CancellationToken.None);

        await Send(socket, """{"ping":1767225600000}""");
        Assert.Equal("""{"pong":1767225600000}""", await Receive(socket));
        await Send(socket, """{"symbol":"BTCUSDT, NOPE","topic":"trade","event":"sub"}""");
        Assert.Equal("""{"code":"-100010","desc":"Invalid Symbols!"}""", await Receive(socket));
        await Send(socket, """{"symbol":"BTCUSDT","topic":"ticker","event":"sub"}""");
        Assert.Equal("""{"code":"-10004","desc":"Invalid topic!"}""", await Receive(socket));
        await Send(socket, """{"symbol":"BTC-SWAP-USDT","topic":"diffDepth","event":"sub","params":{"binary":"false"}}""");

        using var first = JsonDocument.Parse(await Receive(socket));
        var root = first.RootElement;
        Assert.Equal(("diffDepth", "BTC-SWAP-USDTUSDT", true), (root.GetProperty("topic").GetString(), root.GetProperty("symbolName").GetString(), root.GetProperty("f").GetBoolean()));
        var book = root.GetProperty("data")[0];
        Assert.Equal((0, 301), (book.GetProperty("o").GetInt32(), book.GetProperty("e").GetInt32()));
        Assert.True(book.GetProperty("b").GetArrayLength() > 0);
    }

    private Uri Url => new($"ws://{_simulator.WebSocketUri.Authority}");

    private void StartFeeds()
    {
        var options = new FeedOptions { Name = Feed.Value, Venue = "toobit", Url = Url };
        Assert.Empty(options.Validate());
        _feeds = Sys.ActorOf(FeedsSupervisor.Props(new FeedsSettings([options])), "feeds");
    }

    private void Subscribe(TestProbe strategy, Symbol symbol, MarketDataKind kind)
    {
        strategy.Send(_feeds, new SubscribeMarketData(Feed, symbol, kind));
        strategy.ExpectMsg<MarketDataSubscribed>(Wait);
    }

    private void AwaitSubscriptions(params string[] topics) =>
        AwaitAssert(() => Assert.Equal(topics, Venue.QuoteSubscriptions()), Wait, TimeSpan.FromMilliseconds(20));

    private void SetMid(Symbol symbol, decimal mid) => Venue.ApplyMarket(new MarketCommand { Symbol = symbol.Value, Mid = mid });

    private static T Until<T>(TestProbe strategy, Predicate<T> isTarget)
    {
        while (true)
        {
            var message = strategy.ExpectMsg<IMarketDataEvent>(Wait);
            strategy.Reply(MarketDataDelivered.Instance);
            if (message is T target && isTarget(target))
            {
                return target;
            }
        }
    }

    private static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> Receive(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    private JsonElement Rest(string path)
    {
        using var http = new HttpClient { BaseAddress = _simulator.Host.BaseUri };
        return http.GetFromJsonAsync<JsonElement>(path).GetAwaiter().GetResult();
    }

    private static BookLevel[] Levels(JsonElement array) =>
        [.. array.EnumerateArray().Select(l => new BookLevel(decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture), decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture)))];
}
