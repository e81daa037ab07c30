using System.Net.WebSockets;
using System.Text;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.MarketData.DBot;

/// <summary>DBot's data WebSocket codec against the frames of DBot's docs (dbot.md §3) and the simulator's shapes.</summary>
public class DBotFeedCodecTests
{
    private const string Popcat = "Hkj4kM5ZfpjjL8y6YJEXxWqvMjUbVZMGd2t5xxg2ZrBv";
    private const string Bonk = "6oGsL2puUgySccKzn9XA9afqF217LfxP5ocq4B3LWsjy";
    private static readonly FeedId Feed = new("dbot-md");
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Subscriptions_go_one_frame_per_type_trades_with_an_array_of_pools_pair_updates_one_pool_each()
    {
        var codec = Codec();
        var tx = codec.SubscribeFrames(
            [codec.Topic(new Symbol("CzhUkaHFjo8s9sp2SuM6QMrV518pRsu3KmqKRhNvMLeN"), MarketDataKind.Trades), codec.Topic(new Symbol("7P1f3rzUV9493vEoA7nbrEJoV9NnWfUaGePgjGUb6EX9"), MarketDataKind.Trades)],
            () => 1);
        Assert.Equal(Golden("out_subscribe_tx"), Encoding.UTF8.GetString(Assert.Single(tx)));

        var info = codec.SubscribeFrames([codec.Topic(new Symbol("4N389xaQ2jRWDxpXmzwUCEnCQHDcDfprCsTqEd2taPoU"), MarketDataKind.Quotes)], () => 2);
        Assert.Equal(Golden("out_subscribe_pair_info"), Encoding.UTF8.GetString(Assert.Single(info)));

        var mixed = codec.UnsubscribeFrames([codec.Topic(new Symbol(Popcat), MarketDataKind.Trades), codec.Topic(new Symbol(Popcat), MarketDataKind.Quotes), codec.Topic(new Symbol(Bonk), MarketDataKind.Quotes)], () => 3);
        Assert.Equal(3, mixed.Count);
        Assert.All(mixed, f => Assert.StartsWith("""{"method":"unsubscribe","type":""", Encoding.UTF8.GetString(f), StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => codec.EncodeSubscribe([codec.Topic(new Symbol(Popcat), MarketDataKind.Trades), codec.Topic(new Symbol(Popcat), MarketDataKind.Quotes)], 4));
        Assert.Empty(codec.SubscribeFrames([codec.Topic(new Symbol(Popcat), MarketDataKind.Book)], () => 5));
    }

    [Fact]
    public void A_trade_push_of_the_docs_is_a_trade_tick_priced_in_usd_attributed_to_the_only_subscribed_pool()
    {
        var codec = Codec();
        codec.SubscribeFrames([codec.Topic(new Symbol(Popcat), MarketDataKind.Trades)], () => 1);

        var events = Events(codec.Decode(GoldenBytes("in_tx_docs"), Received));
        var trade = Assert.IsType<TradeTick>(Assert.Single(events));
        Assert.Equal((Feed, new Symbol(Popcat), "1750745716459209741", OrderSide.Buy), (trade.Feed, trade.Symbol, trade.TradeId, trade.Aggressor));
        Assert.Equal(107817.195813m, trade.Quantity);
        Assert.Equal(278.80092049342m / 107817.195813m, trade.Price);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750745715), trade.EventTime);
        Assert.Equal(Received, trade.ReceivedAt);
    }

    [Fact]
    public void Trades_name_their_pool_numbers_may_be_strings_ms_times_are_kept_and_liquidity_changes_are_not_trades()
    {
        var events = Events(Codec().Decode(GoldenBytes("in_tx_with_pairs"), Received));
        Assert.Equal(2, events.Count);
        var sell = Assert.IsType<TradeTick>(events[0]);
        Assert.Equal((new Symbol(Popcat), OrderSide.Sell, 0.5m, 600m), (sell.Symbol, sell.Aggressor, sell.Price, sell.Quantity));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1750745715123), sell.EventTime);
        Assert.Equal(new Symbol(Bonk), ((TradeTick)events[1]).Symbol);
    }

    [Fact]
    public void A_pair_update_of_the_docs_is_a_quote_at_the_pool_price_on_both_sides()
    {
        var codec = Codec();
        codec.SubscribeFrames([codec.Topic(new Symbol(Popcat), MarketDataKind.Quotes)], () => 1);
        var quote = Assert.IsType<QuoteTick>(Assert.Single(Events(codec.Decode(GoldenBytes("in_pair_info_docs"), Received))));
        Assert.Equal(0.0000016296673031475173m, quote.BidPrice);
        Assert.Equal(quote.BidPrice, quote.AskPrice);
        Assert.Equal((0m, 0m), (quote.BidSize, quote.AskSize));
        Assert.Equal(new Symbol(Popcat), quote.Symbol);
        Assert.Equal(Received, quote.EventTime);

        // Two pools subscribed and no pool in the push: it cannot be attributed, so it is not guessed.
        codec.SubscribeFrames([codec.Topic(new Symbol(Bonk), MarketDataKind.Quotes)], () => 2);
        Assert.IsType<FeedInbound.Ignored>(codec.Decode(GoldenBytes("in_pair_info_docs"), Received));
    }

    [Fact]
    public void Acknowledgements_are_control_replies_and_a_refusal_carries_its_message()
    {
        var codec = Codec();
        Assert.Equal(new FeedInbound.ControlReply(null, null), codec.Decode(GoldenBytes("in_subscribe_ack"), Received));
        var refused = Assert.IsType<FeedInbound.ControlReply>(codec.Decode(GoldenBytes("in_subscribe_error"), Received));
        Assert.Equal("tx: tx: unknown pair(s) nope", refused.Error);
        Assert.Throws<FormatException>(() => codec.Decode("not json"u8, Received));
        Assert.Throws<FormatException>(() => codec.Decode("""{"type":"tx","result":[{"i":"1","tt":"buy","u":"x","q":1,"p":"a"}]}"""u8, Received));
        Assert.IsType<FeedInbound.Ignored>(codec.Decode("""{"type":"newPairInfo","result":{}}"""u8, Received));
    }

    [Fact]
    public void The_socket_carries_the_key_the_url_gets_the_data_path_and_the_options_are_checked()
    {
        var codec = Codec();
        using var socket = codec.PrepareSocket(new ClientWebSocket());
        Assert.Equal(new Uri("ws://127.0.0.1:9/data/ws/"), codec.ConnectUri);
        Assert.Equal(new Uri("wss://api-data-v1.dbotx.com/data/ws/"), new DBotFeedCodec(Feed, Options() with { Url = new Uri("wss://api-data-v1.dbotx.com/data/ws/") }).ConnectUri);

        var bad = Options() with { ApiKey = null, Channels = [MarketDataKind.Book, MarketDataKind.Trades], Url = new Uri("wss://api-bot-v1.dbotx.com/trade/ws"), KeepAliveInterval = TimeSpan.FromMinutes(2) };
        var errors = bad.Validate().ToList();
        Assert.Contains(errors, e => e.Contains("api-key is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("channel 'Book' is not offered", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("trading host", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("keep-alive-interval", StringComparison.Ordinal));
        Assert.Empty(Options().Validate());
        Assert.Contains("ApiKey = ***", Options().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", Options().ToString(), StringComparison.Ordinal);
    }

    private static FeedOptions Options() => new() { Name = Feed.Value, Venue = FeedVenues.DBot, Url = new Uri("ws://127.0.0.1:9"), ApiKey = "secret-key", Channels = [MarketDataKind.Quotes, MarketDataKind.Trades] };

    private static DBotFeedCodec Codec() => new(Feed, Options());

    private static byte[] GoldenBytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "MarketData", "DBot", "golden", name + ".json"));

    private static string Golden(string name) => Encoding.UTF8.GetString(GoldenBytes(name));

    /// <summary>The market events of a decoded frame (several from one frame arrive as <see cref="FeedInbound.Many"/>).</summary>
    private static List<IMarketDataEvent> Events(FeedInbound inbound) =>
        [.. Assert.IsType<FeedInbound.Many>(inbound).Items.Select(i => Assert.IsType<FeedInbound.Market>(i).Event)];
}
