using System.Text.Json;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.Binance;
using Engine.Actors.Tests.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.MarketData;

/// <summary>The Binance stream codec against the golden frames of the market-data reference (§4.1) and the control shapes of §1.2.</summary>
public sealed class BinanceFeedCodecTests : IDisposable
{
    private static readonly FeedId Feed = new("bn-md");
    private static readonly DateTimeOffset Received = new(2026, 1, 1, 0, 0, 1, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private readonly BinanceFeedCodec _codec;

    public BinanceFeedCodecTests()
    {
        _codec = new BinanceFeedCodec(Feed, new FeedOptions { Name = "bn-md", Venue = "binance", Url = new Uri("wss://stream.binance.com:9443") }, _http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public void B1_a_combined_trade_with_m_false_was_bought_by_the_aggressor()
    {
        var trade = Assert.IsType<TradeTick>(Assert.IsType<FeedInbound.Market>(Decode("b1_combined_trade")).Event);

        Assert.Equal(new TradeTick(Feed, new Symbol("BTCUSDT"), "5120001", 93850.01m, 0.0012m, OrderSide.Buy, DateTimeOffset.FromUnixTimeMilliseconds(1767225600121), Received), trade);
    }

    [Fact]
    public void B2_a_raw_book_ticker_without_event_type_or_time_is_a_quote_stamped_with_the_receive_time()
    {
        var quote = Assert.IsType<QuoteTick>(Assert.IsType<FeedInbound.Market>(Decode("b2_raw_book_ticker")).Event);

        Assert.Equal(new QuoteTick(Feed, new Symbol("BTCUSDT"), 93850.00m, 1.25m, 93850.01m, 0.40m, Received, Received), quote);
        Assert.Equal(93850.005m, quote.Mid);
    }

    [Fact]
    public void B3_a_combined_depth_update_keeps_U_u_and_absolute_levels_with_the_zero_that_removes()
    {
        var diff = Assert.IsType<BinanceDepthDiff>(Assert.IsType<FeedInbound.Book>(Decode("b3_combined_depth_update")).Input);

        Assert.Equal((new Symbol("SOLUSDT"), 1003L, 1005L), (diff.Symbol, diff.FirstUpdateId, diff.FinalUpdateId));
        Assert.Equal([new BookLevel(99.8m, 1.2m), new BookLevel(98m, 0m)], diff.Bids.ToArray());
        Assert.Equal([new BookLevel(100.75m, 0.8m)], diff.Asks.ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600300), diff.EventTime);
    }

    [Fact]
    public void An_agg_trade_with_m_true_was_sold_by_the_aggressor()
    {
        var trade = Assert.IsType<TradeTick>(Assert.IsType<FeedInbound.Market>(Decode("in_agg_trade")).Event);

        Assert.Equal(("26129", OrderSide.Sell, 0.3m), (trade.TradeId, trade.Aggressor, trade.Quantity));
    }

    [Fact]
    public void Decimal_strings_parse_from_the_frame_with_exponents_and_escapes_and_a_bad_one_is_named()
    {
        var frame = """{"u":1,"s":"BTCUSDT","b":"1E-2","B":"\u0031.5","a":"25.35190000","A":"31.21000000"}"""u8;
        var quote = Assert.IsType<QuoteTick>(Assert.IsType<FeedInbound.Market>(_codec.Decode(frame, Received)).Event);
        Assert.Equal((0.01m, 1.5m, 25.3519m, 31.21m), (quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize));

        var bad = Assert.Throws<FormatException>(() => _codec.Decode("""{"u":1,"s":"BTCUSDT","b":"1,5x","B":"1","a":"2","A":"3"}"""u8, Received));
        Assert.Contains("'b' must be a decimal string", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kline_is_a_bar_of_its_interval()
    {
        var bar = Assert.IsType<Bar>(Assert.IsType<FeedInbound.Market>(Decode("in_kline")).Event);

        Assert.Equal(
            new Bar(Feed, new Symbol("BTCUSDT"), "1m", DateTimeOffset.FromUnixTimeMilliseconds(1767225600000), DateTimeOffset.FromUnixTimeMilliseconds(1767225659999),
                93845m, 93860m, 93840m, 93850.5m, 12.5m, false, DateTimeOffset.FromUnixTimeMilliseconds(1767225605000), Received),
            bar);
    }

    [Fact]
    public void Control_replies_match_by_id_and_errors_name_code_and_message()
    {
        Assert.Equal(new FeedInbound.ControlReply(1, null), Decode("in_subscribe_reply"));
        Assert.Equal(new FeedInbound.ControlReply(2, "2: Invalid request: invalid stream"), Decode("in_subscribe_error"));
    }

    [Fact]
    public void Server_shutdown_in_the_streams_shape_asks_for_a_new_socket() =>
        Assert.IsType<FeedInbound.ServerShutdown>(Decode("in_server_shutdown"));

    [Fact]
    public void Subscribe_and_unsubscribe_frames_are_the_documented_ones()
    {
        var subscribe = _codec.EncodeSubscribe([_codec.Topic(new Symbol("BTCUSDT"), MarketDataKind.Quotes), _codec.Topic(new Symbol("BTCUSDT"), MarketDataKind.Book)], 1);
        var unsubscribe = _codec.EncodeUnsubscribe(["btcusdt@depth@100ms"], 312);

        Assert.Null(GoldenFrames.Difference(JsonDocument.Parse(MarketDataGolden.Read("out_subscribe")).RootElement, JsonDocument.Parse(subscribe).RootElement));
        Assert.Null(GoldenFrames.Difference(JsonDocument.Parse(MarketDataGolden.Read("out_unsubscribe")).RootElement, JsonDocument.Parse(unsubscribe).RootElement));
    }

    [Theory]
    [InlineData(MarketDataKind.Quotes, "btcusdt@bookTicker")]
    [InlineData(MarketDataKind.Trades, "btcusdt@trade")]
    [InlineData(MarketDataKind.Book, "btcusdt@depth@100ms")]
    [InlineData(MarketDataKind.Bars, "btcusdt@kline_1m")]
    public void Stream_names_are_lower_case_symbol_at_stream(MarketDataKind kind, string expected) =>
        Assert.Equal(expected, _codec.Topic(new Symbol("BTCUSDT"), kind));

    [Fact]
    public void The_socket_is_the_combined_stream_endpoint_of_the_base_url() =>
        Assert.Equal(new Uri("wss://stream.binance.com:9443/stream"), _codec.ConnectUri);

    [Fact]
    public void A_snapshot_decodes_from_rest_and_from_a_websocket_api_result()
    {
        var rest = BinanceFeedCodec.DecodeSnapshot(MarketDataGolden.Read("in_depth_snapshot"));
        var wsApi = BinanceFeedCodec.DecodeSnapshot("""{"id":"d1","status":200,"result":{"lastUpdateId":1000,"bids":[["100.00","5.0"]],"asks":[]}}"""u8);

        Assert.Equal(1000, rest.LastUpdateId);
        Assert.Equal([new BookLevel(100m, 5m), new BookLevel(99.5m, 2m)], rest.Bids.ToArray());
        Assert.Equal([new BookLevel(100.5m, 1m), new BookLevel(101m, 4m)], rest.Asks.ToArray());
        Assert.Equal((1000L, 1), (wsApi.LastUpdateId, wsApi.Bids.Length));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"abc","q":"1","T":1,"m":false}}""", "'p' must be a decimal string")]
    [InlineData("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1}}""", "'m' must be true or false")]
    public void A_bad_frame_is_a_format_error_naming_what_was_wrong(string frame, string expected)
    {
        var error = Assert.Throws<FormatException>(() => _codec.Decode(System.Text.Encoding.UTF8.GetBytes(frame), Received));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_depth_carries_no_symbol_and_is_not_used() =>
        Assert.IsType<FeedInbound.Ignored>(_codec.Decode("""{"stream":"btcusdt@depth5","data":{"lastUpdateId":1,"bids":[],"asks":[]}}"""u8, Received));

    [Fact]
    public void A_24h_ticker_is_a_ticker_tick_with_its_window_best_prices_and_trade_count()
    {
        var ticker = Assert.IsType<TickerTick>(Assert.IsType<FeedInbound.Market>(Decode("in_ticker")).Event);

        Assert.Equal(
            new TickerTick(Feed, new Symbol("BTCUSDT"), 92800m, 94500m, 92100m, 93850.5m, 8123.4471m, 757912345.12m, 0.012m, 93401.12m, 93850m, 1.25m, 93850.01m, 0.4m, 120001,
                DateTimeOffset.FromUnixTimeMilliseconds(1767225601000), Received),
            ticker);
        Assert.Equal(1050.5m, ticker.Change);
    }

    [Fact]
    public void A_mini_ticker_is_a_ticker_tick_without_the_full_tickers_fields()
    {
        var ticker = Assert.IsType<TickerTick>(Assert.IsType<FeedInbound.Market>(Decode("in_mini_ticker")).Event);

        Assert.Equal(
            new TickerTick(Feed, new Symbol("BTCUSDT"), 92800m, 94500m, 92100m, 93850.5m, 8123.4471m, 757912345.12m, null, null, null, null, null, null, null,
                DateTimeOffset.FromUnixTimeMilliseconds(1767225601000), Received),
            ticker);
    }

    [Fact]
    public void The_ticker_stream_name_is_at_ticker() =>
        Assert.Equal("btcusdt@ticker", _codec.Topic(new Symbol("BTCUSDT"), MarketDataKind.Ticker));

    [Fact]
    public void Field_order_does_not_matter_data_may_precede_stream_and_unknown_members_are_skipped()
    {
        var frame = """{"data":{"a":[["100.75","0.8"]],"x":{"nested":[1,{"b":2}]},"u":1005,"b":[["99.8","1.2",null]],"U":1003,"s":"SOLUSDT","E":1767225600300,"e":"depthUpdate"},"stream":"solusdt@depth@100ms"}"""u8;

        var diff = Assert.IsType<BinanceDepthDiff>(Assert.IsType<FeedInbound.Book>(_codec.Decode(frame, Received)).Input);

        Assert.Equal((new Symbol("SOLUSDT"), 1003L, 1005L), (diff.Symbol, diff.FirstUpdateId, diff.FinalUpdateId));
        Assert.Equal([new BookLevel(99.8m, 1.2m)], diff.Bids.ToArray());
        Assert.Equal([new BookLevel(100.75m, 0.8m)], diff.Asks.ToArray());
    }

    [Fact]
    public void A_raw_depth_update_decodes_like_the_combined_one()
    {
        var combined = Assert.IsType<BinanceDepthDiff>(Assert.IsType<FeedInbound.Book>(Decode("b3_combined_depth_update")).Input);
        var payload = """{"e":"depthUpdate","E":1767225600300,"s":"SOLUSDT","U":1003,"u":1005,"b":[["99.80000000","1.20000000"],["98.00000000","0.00000000"]],"a":[["100.75000000","0.80000000"]]}"""u8.ToArray();

        var diff = Assert.IsType<BinanceDepthDiff>(Assert.IsType<FeedInbound.Book>(_codec.Decode(payload, Received)).Input);

        Assert.Equal((combined.Symbol, combined.FirstUpdateId, combined.FinalUpdateId, combined.EventTime), (diff.Symbol, diff.FirstUpdateId, diff.FinalUpdateId, diff.EventTime));
        Assert.Equal(combined.Bids.ToArray(), diff.Bids.ToArray());
        Assert.Equal(combined.Asks.ToArray(), diff.Asks.ToArray());
    }

    [Fact]
    public void An_array_payload_is_ignored_and_named()
    {
        var ignored = Assert.IsType<FeedInbound.Ignored>(_codec.Decode("""{"stream":"!miniTicker@arr","data":[{"e":"24hrMiniTicker"}]}"""u8, Received));

        Assert.Equal("stream '!miniTicker@arr' payload Array", ignored.What);
    }

    [Fact]
    public void Prices_keep_the_scale_the_venue_sent()
    {
        var quote = Assert.IsType<QuoteTick>(Assert.IsType<FeedInbound.Market>(Decode("b2_raw_book_ticker")).Event);

        Assert.Equal("93850.00000000", quote.BidPrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"u":1,"s":"BTCUSDT","b":"1","B":"1","a":"2","A":"3"} x""", "not JSON")]
    [InlineData("""[1,2]""", "must be a JSON object, not Array")]
    [InlineData("""{"u":1,"s":"BTCUSDT","b":"1","B":"1","a":"2","A":"3",""", "not JSON")]
    [InlineData("""{"stream":"s@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"a":[]}}""", "'b' must be an array of [price, quantity]")]
    [InlineData("""{"stream":"s@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":["1"],"a":[]}}""", "'b' level \"1\" must be [price, quantity]")]
    [InlineData("""{"stream":"s@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1"]],"a":[]}}""", "'b' level must be [price, quantity]")]
    [InlineData("""{"stream":"s@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[],"a":[["x","1"]]}}""", "'a price' must be a decimal string, not \"x\"")]
    [InlineData("""{"stream":"s@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":"1.5","u":2,"b":[],"a":[]}}""", "'U' must be an integer, not \"1.5\"")]
    [InlineData("""{"stream":"s@trade","data":{"e":"trade","E":1,"s":"","t":1,"p":"1","q":"1","T":1,"m":false}}""", "'s' must be a symbol")]
    [InlineData("""{"stream":"s@trade","data":{"e":"trade","E":1,"t":1,"p":"1","q":"1","T":1,"m":false}}""", "'s' is missing or null")]
    [InlineData("""{"stream":"s@trade","data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"q":"1","T":1,"m":false}}""", "'p' is missing")]
    [InlineData("""{"stream":"s@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT"}}""", "kline event without its 'k' object")]
    [InlineData("""{"stream":"s@ticker","data":{"e":"24hrTicker","E":1,"s":"BTCUSDT","c":"1","o":"1","h":"1","l":"1","v":"1","q":"1"}}""", "'Q' is missing")]
    public void A_malformed_frame_names_the_field_and_what_was_expected(string frame, string expected)
    {
        var error = Assert.Throws<FormatException>(() => _codec.Decode(System.Text.Encoding.UTF8.GetBytes(frame), Received));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private FeedInbound Decode(string golden) => _codec.Decode(MarketDataGolden.Read(golden), Received);
}
