using System.Text;
using System.Text.Json;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.Toobit;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.MarketData.Toobit;

/// <summary>The Toobit quote codec against the frames of the market-data reference (§2.2–§2.4, vectors T1–T3).</summary>
public sealed class ToobitFeedCodecTests
{
    private const string T1 = """{"symbol":"BTCUSDT","symbolName":"BTCUSDT","topic":"trade","params":{"realtimeInterval":"24h","binary":"false"},"data":[{"v":"4864732022868004630","t":1767225600050,"p":"93850.5","q":"0.012","m":true},{"v":"4864732022868004631","t":1767225600090,"p":"93850","q":"0.3","m":false}],"f":true,"sendTime":1767225600120,"shared":false}""";
    private const string T3 = """{"symbol":"BTCUSDT","symbolName":"BTCUSDT","topic":"kline","params":{"realtimeInterval":"24h","klineType":"1m","binary":"false"},"data":[{"t":1767225600000,"s":"BTCUSDT","sn":"BTCUSDT","c":"93850.5","h":"93860","l":"93840","o":"93845","v":"12.5"}],"f":false,"sendTime":1767225605000,"shared":false}""";

    private static readonly FeedId Feed = new("tb-md");
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Received = new(2026, 1, 1, 0, 0, 1, TimeSpan.Zero);
    private readonly ToobitFeedCodec _codec = new(Feed, new FeedOptions { Name = "tb-md", Venue = "toobit", Url = new Uri("wss://stream.toobit.com") });

    [Fact]
    public void The_socket_is_the_quote_path_and_kinds_map_to_documented_topics()
    {
        Assert.Equal(new Uri("wss://stream.toobit.com/quote/ws/v1"), _codec.ConnectUri);
        Assert.Equal(
            ["depth:BTCUSDT", "trade:BTCUSDT", "diffDepth:BTCUSDT", "kline_1m:BTCUSDT"],
            new[] { MarketDataKind.Quotes, MarketDataKind.Trades, MarketDataKind.Book, MarketDataKind.Bars }.Select(k => _codec.Topic(Btc, k)));
        Assert.Equal("diffDepth:BTC-SWAP-USDT", _codec.Topic(new Symbol("BTC-SWAP-USDT"), MarketDataKind.Book));
    }

    [Fact]
    public void Subscriptions_are_one_message_per_topic_with_symbols_comma_joined_without_spaces()
    {
        var frames = ((IFeedCodec)_codec).SubscribeFrames(["trade:BTCUSDT", "diffDepth:BTCUSDT", "trade:BTC-SWAP-USDT"], () => 1).Select(Encoding.UTF8.GetString);

        Assert.Equal(
            [
                """{"symbol":"BTCUSDT","topic":"diffDepth","event":"sub","params":{"binary":false}}""",
                """{"symbol":"BTCUSDT,BTC-SWAP-USDT","topic":"trade","event":"sub","params":{"binary":false}}""",
            ],
            frames);
        Assert.Equal("""{"symbol":"ETHUSDT","topic":"depth","event":"cancel","params":{"binary":false}}""", Encoding.UTF8.GetString(_codec.EncodeUnsubscribe(["depth:ETHUSDT"], 7)));
    }

    [Fact]
    public void The_heartbeat_is_a_ping_with_the_time_and_a_pong_answers_it()
    {
        Assert.Equal("""{"ping":1767225600000}""", Encoding.UTF8.GetString(_codec.EncodeHeartbeat(DateTimeOffset.FromUnixTimeMilliseconds(1767225600000))));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5)), (_codec.HeartbeatInterval, _codec.HeartbeatTimeout));
        Assert.IsType<FeedInbound.Heartbeat>(Decode("""{"pong":1767225600000}"""));
    }

    [Fact]
    public void T1_the_trade_backlog_decodes_m_true_as_a_buy_and_keeps_19_digit_ids_exact()
    {
        var trades = Trades(Decode(T1));

        Assert.Equal(
            [
                new TradeTick(Feed, Btc, "4864732022868004630", 93850.5m, 0.012m, OrderSide.Buy, DateTimeOffset.FromUnixTimeMilliseconds(1767225600050), Received),
                new TradeTick(Feed, Btc, "4864732022868004631", 93850m, 0.3m, OrderSide.Sell, DateTimeOffset.FromUnixTimeMilliseconds(1767225600090), Received),
            ],
            trades);
    }

    [Fact]
    public void A_replayed_backlog_after_a_resubscribe_delivers_only_the_new_trades()
    {
        Trades(Decode(T1));
        var replay = T1.Replace("""{"v":"4864732022868004630","t":1767225600050,"p":"93850.5","q":"0.012","m":true}""", """{"v":"4864732022868004632","t":1767225600200,"p":"93851","q":"1","m":true}""", StringComparison.Ordinal);

        Assert.Equal(["4864732022868004632"], Trades(Decode(replay)).Select(t => t.TradeId));
    }

    [Fact]
    public void T3_a_candle_is_forming_until_a_later_one_closes_it()
    {
        var forming = Assert.IsType<Bar>(Assert.IsType<FeedInbound.Market>(Decode(T3)).Event);
        Assert.Equal(
            new Bar(Feed, Btc, "1m", DateTimeOffset.FromUnixTimeMilliseconds(1767225600000), DateTimeOffset.FromUnixTimeMilliseconds(1767225659999), 93845m, 93860m, 93840m, 93850.5m, 12.5m, false, DateTimeOffset.FromUnixTimeMilliseconds(1767225605000), Received),
            forming);

        var next = T3.Replace("1767225600000", "1767225660000", StringComparison.Ordinal);
        var items = Assert.IsType<FeedInbound.Many>(Decode(next)).Items.Select(i => Assert.IsType<Bar>(Assert.IsType<FeedInbound.Market>(i).Event)).ToList();

        Assert.Equal([(1767225600000L, true), (1767225660000L, false)], items.Select(b => (b.OpenTime.ToUnixTimeMilliseconds(), b.IsClosed)));
    }

    [Fact]
    public void A_whole_book_depth_push_is_a_quote_of_its_best_levels()
    {
        var quote = Assert.IsType<QuoteTick>(Assert.IsType<FeedInbound.Market>(Decode(
            """{"symbol":"BTC-SWAP-USDT","symbolName":"BTC-SWAP-USDTUSDT","topic":"depth","params":{"binary":"false"},"data":[{"s":"BTC-SWAP-USDT","t":1767225600100,"v":"9814355_1E-18","b":[["93850","5"],["93849.5","12"]],"a":[["93851","3"],["93852","20"]],"e":301,"o":0}],"f":false,"sendTime":1767225600120,"shared":false}""")).Event);

        Assert.Equal(new QuoteTick(Feed, new Symbol("BTC-SWAP-USDT"), 93850m, 5m, 93851m, 3m, DateTimeOffset.FromUnixTimeMilliseconds(1767225600100), Received), quote);
    }

    [Fact]
    public void A_diff_depth_push_is_a_book_input_with_its_sequence_and_numbers_or_strings_alike()
    {
        var push = Assert.IsType<ToobitDepthPush>(Assert.IsType<FeedInbound.Book>(Decode(
            """{"symbol":"BTCUSDT","topic":"diffDepth","data":[{"e":0,"t":"1767225600400","v":"1767225600100_0.01_1","b":[["93850",0.4]],"a":[["93851","0"]],"o":"5001"}],"f":false,"sendTime":1767225600410}""")).Input);

        Assert.Equal((Btc, false, (long?)5001, "1767225600100_0.01_1"), (push.Symbol, push.IsFull, push.Sequence, push.Version));
        Assert.Equal([new BookLevel(93850m, 0.4m)], push.Bids.ToArray());
        Assert.Equal([new BookLevel(93851m, 0m)], push.Asks.ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600400), push.EventTime);
    }

    [Fact]
    public void An_error_names_its_code_and_text_and_unknown_topics_are_ignored()
    {
        Assert.Equal(new FeedInbound.ControlReply(null, "-100010: Invalid Symbols!"), Decode("""{"code":"-100010","desc":"Invalid Symbols!"}"""));
        Assert.IsType<FeedInbound.Ignored>(Decode("""{"symbol":"BTCUSDT","topic":"realtimes","data":[{"c":"1"}],"f":false}"""));
        Assert.Contains("not JSON", Assert.Throws<FormatException>(() => Decode("{oops")).Message, StringComparison.Ordinal);
        Assert.Contains("'p'", Assert.Throws<FormatException>(() => Decode("""{"symbol":"BTCUSDT","topic":"trade","data":[{"v":"1","t":1,"p":"x","q":"1","m":true}]}""")).Message, StringComparison.Ordinal);
    }

    private FeedInbound Decode(string json) => _codec.Decode(Encoding.UTF8.GetBytes(json), Received);

    private static List<TradeTick> Trades(FeedInbound inbound) => inbound switch
    {
        FeedInbound.Many many => [.. many.Items.Select(i => Assert.IsType<TradeTick>(Assert.IsType<FeedInbound.Market>(i).Event))],
        FeedInbound.Market { Event: TradeTick t } => [t],
        _ => throw new Xunit.Sdk.XunitException($"not trades: {inbound}"),
    };
}
