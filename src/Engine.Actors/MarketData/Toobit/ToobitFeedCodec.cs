using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Wire;

namespace Engine.Actors.MarketData.Toobit;

/// <summary>
/// Toobit's quote WebSocket (market-data reference §2), spot (<c>BTCUSDT</c>) and USDT-M futures (<c>BTC-SWAP-USDT</c>)
/// on one socket <c>&lt;url&gt;/quote/ws/v1</c>. Kinds map to topics: quotes → <c>depth</c> (the whole book every push;
/// its best levels make the quote, since the venue documents no bookTicker), trades → <c>trade</c>, book →
/// <c>diffDepth</c> (kept by <see cref="ToobitDiffDepthSync"/>), bars → <c>kline_&lt;interval&gt;</c>. One
/// <c>{"symbol":"A,B","topic":…,"event":"sub"|"cancel","params":{"binary":false}}</c> per topic (symbols comma-joined
/// without spaces); nothing acknowledges it and errors come as <c>{"code","desc"}</c>. Heartbeat <c>{"ping":ms}</c>
/// every keep-alive interval, answered by <c>{"pong":…}</c> within 5 s. Trade <c>m:true</c> means the aggressor bought
/// (the opposite of Binance). Numbers and strings are accepted alike; trade ids stay 64-bit integers. The first
/// <c>trade</c> push replays the last 60 trades: ids already delivered are dropped. Not thread-safe: one per session.
/// </summary>
public sealed partial class ToobitFeedCodec : IFeedCodec
{
    /// <summary>Toobit kline intervals (§2.4).</summary>
    public static readonly IReadOnlySet<string> BarIntervals = new HashSet<string>(StringComparer.Ordinal)
    {
        "1m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w", "1M",
    };

    /// <summary>How long the pong may take (Toobit.Net: 5 s).</summary>
    public static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(5);

    private readonly FeedId _feed;
    private readonly FeedOptions _options;
    private readonly Dictionary<Symbol, long> _lastTradeIds = [];
    private readonly Dictionary<(Symbol Symbol, string Interval), Bar> _openBars = [];

    /// <summary>Creates the codec of one feed; the options must name a ws(s) URL.</summary>
    public ToobitFeedCodec(FeedId feed, FeedOptions options)
    {
        _feed = feed;
        _options = options;
        var url = options.Url ?? throw new ArgumentException($"feed '{options.Name}' has no url", nameof(options));
        ConnectUri = new Uri(url.GetLeftPart(UriPartial.Authority) + url.AbsolutePath.TrimEnd('/') + "/quote/ws/v1");
    }

    /// <inheritdoc />
    public Uri ConnectUri { get; }

    /// <summary>No documented stream limit per connection; the engine keeps one socket to at most this many.</summary>
    public int MaxStreams => 1024;

    /// <summary>The configured keep-alive interval (20–30 s advised).</summary>
    public TimeSpan HeartbeatInterval => _options.KeepAliveInterval;

    /// <inheritdoc />
    public TimeSpan HeartbeatTimeout => PongTimeout;

    /// <inheritdoc />
    public byte[] EncodeHeartbeat(DateTimeOffset now) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"ping\":{now.ToUnixTimeMilliseconds()}}}"));

    /// <summary>The topic key <c>&lt;topic&gt;:&lt;symbol&gt;</c> (<c>diffDepth:BTCUSDT</c>).</summary>
    public string Topic(Symbol symbol, MarketDataKind kind) => TopicName(kind) + ":" + symbol.Value;

    /// <summary>The venue's topic of a kind.</summary>
    public string TopicName(MarketDataKind kind) => kind switch
    {
        MarketDataKind.Quotes => "depth",
        MarketDataKind.Trades => "trade",
        MarketDataKind.Book => "diffDepth",
        MarketDataKind.Bars => "kline_" + _options.BarInterval,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown market-data kind"),
    };

    /// <summary>Toobit carries one topic per message: the first of <see cref="SubscribeFrames"/>.</summary>
    public byte[] EncodeSubscribe(IReadOnlyList<string> topics, long id) => SubscribeFrames(topics, () => id)[0];

    /// <summary>The first of <see cref="UnsubscribeFrames"/>.</summary>
    public byte[] EncodeUnsubscribe(IReadOnlyList<string> topics, long id) => UnsubscribeFrames(topics, () => id)[0];

    /// <summary>One <c>sub</c> per topic with its symbols comma-joined; Toobit messages carry no id.</summary>
    public IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> topics, Func<long> nextId) => Control("sub", topics);

    /// <summary>One <c>cancel</c> per topic with its symbols comma-joined.</summary>
    public IReadOnlyList<byte[]> UnsubscribeFrames(IReadOnlyList<string> topics, Func<long> nextId) => Control("cancel", topics);

    /// <inheritdoc />
    public IBookSynchronizer CreateBook(Symbol symbol) => new ToobitDiffDepthSync(_feed, symbol);

    /// <summary>
    /// Toobit's REST depth has no version and cannot join the diff stream (§2.5): the synchronizer answers any snapshot
    /// by resubscribing, so none is fetched. Returns an empty book at once.
    /// </summary>
    public Task<BookSnapshotData> FetchSnapshotAsync(Symbol symbol, CancellationToken cancellationToken) =>
        Task.FromResult(new BookSnapshotData(0, [], []));

    /// <inheritdoc />
    public FeedInbound Decode(ReadOnlySpan<byte> frame, DateTimeOffset receivedAt)
    {
        PooledJsonDocument document;
        try
        {
            document = PooledJsonDocument.Parse(frame);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Toobit quote frame is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Toobit quote frame must be a JSON object, not {root.ValueKind}");
            }

            if (root.TryGetProperty("pong", out _))
            {
                return new FeedInbound.Heartbeat();
            }

            if (root.TryGetProperty("ping", out _))
            {
                return new FeedInbound.Ignored("server ping");
            }

            if (root.TryGetProperty("code", out _) && !root.TryGetProperty("topic", out _))
            {
                return new FeedInbound.ControlReply(null, $"{Text(root, "code")}: {Text(root, "desc") ?? Text(root, "msg")}");
            }

            var topic = Text(root, "topic") ?? throw new FormatException("Toobit push without 'topic'");
            return Push(topic, root, receivedAt);
        }
    }

    private static IReadOnlyList<byte[]> Control(string @event, IReadOnlyList<string> topics) =>
        [.. topics
            .Select(Split)
            .GroupBy(t => t.Topic, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Frame(@event, g.Key, g.Select(t => t.Symbol).Distinct(StringComparer.Ordinal)))];

    private static (string Topic, string Symbol) Split(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (key[..colon], key[(colon + 1)..]) : throw new ArgumentException($"'{key}' is not a Toobit topic key (<topic>:<symbol>)", nameof(key));
    }

    private static byte[] Frame(string @event, string topic, IEnumerable<string> symbols)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("symbol", string.Join(',', symbols));
            writer.WriteString("topic", topic);
            writer.WriteString("event", @event);
            writer.WriteStartObject("params");
            writer.WriteBoolean("binary", false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
