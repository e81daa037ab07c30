using System.Collections.Immutable;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.Messages.Wire;

namespace Engine.Actors.MarketData.DBot;

/// <summary>
/// DBot's data WebSocket (dbot.md §3; default <c>wss://api-data-v1.dbotx.com/data/ws/</c>): <c>X-API-KEY</c> on the
/// upgrade, WebSocket Ping frames as the heartbeat (the feed's keep-alive, at most every 55 s), one subscribe frame
/// per type: <c>tx</c> takes an array of pools (<see cref="MarketDataKind.Trades"/>), <c>pairInfo</c> one pool
/// (<see cref="MarketDataKind.Quotes"/>). A symbol is a pool (pair) address. A <c>tx</c> item becomes a
/// <see cref="TradeTick"/> priced in USD (<c>u</c>/<c>q</c>) for <c>q</c> tokens, aggressor from <c>tt</c>;
/// liquidity adds and removals are not trades. A <c>pairInfo</c> update becomes a <see cref="QuoteTick"/> with bid =
/// ask = the pool's USD price <c>tp</c> and zero sizes (a pool has a price, not a book). DEX pools publish no order
/// book and no candles: those channels are refused at start-up, and a live book subscription stays empty.
/// ASSUMPTION (pushes are not covered by the reference): the pool travels as <c>p</c> in each item; without it, a push
/// is attributed to the only pool of its type when exactly one is subscribed, else ignored. Times: <c>t</c> below
/// 1e12 is seconds, else ms. Decoding is pure; the codec remembers only what it subscribed. Not thread-safe apart
/// from <see cref="PrepareSocket"/>.
/// </summary>
public sealed class DBotFeedCodec : IFeedCodec
{
    private const string Tx = "tx";
    private const string PairInfo = "pairInfo";
    private readonly FeedId _feed;
    private readonly string? _apiKey;
    private readonly HashSet<string> _txPairs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _infoPairs = new(StringComparer.Ordinal);

    /// <summary>Creates the codec of one feed session.</summary>
    public DBotFeedCodec(FeedId feed, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _feed = feed;
        _apiKey = options.ApiKey;
        var url = options.Url ?? throw new ArgumentException($"feed '{options.Name}' has no url", nameof(options));
        ConnectUri = url.AbsolutePath is "" or "/" ? new Uri(url, "/data/ws/") : url;
    }

    /// <inheritdoc />
    public Uri ConnectUri { get; }

    /// <summary>DBot documents no per-connection limit; the feed keeps to 200 topics (100 pools with both channels).</summary>
    public int MaxStreams => 200;

    /// <summary>Problems of a DBot feed's options, one sentence each; nothing for other venues.</summary>
    public static IEnumerable<string> Validate(FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Venue != FeedVenues.DBot)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return $"feed '{options.Name}': api-key is required: DBot's data WebSocket wants X-API-KEY on the upgrade (set api-key = ${{?DBOT_API_KEY}})";
        }

        foreach (var channel in options.Channels.Where(c => c is not (MarketDataKind.Quotes or MarketDataKind.Trades)))
        {
            yield return $"feed '{options.Name}': channel '{channel}' is not offered by DBot's data WebSocket (DEX pools have a price and trades, no order book or candles); expected quotes or trades";
        }

        if (options.Url is { } url && url.Host.StartsWith("api-bot-", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"feed '{options.Name}': url {url} is DBot's trading host; the data WebSocket is wss://api-data-v1.dbotx.com/data/ws/";
        }

        if (options.KeepAliveInterval <= TimeSpan.Zero || options.KeepAliveInterval > TimeSpan.FromSeconds(55))
        {
            yield return $"feed '{options.Name}': keep-alive-interval {options.KeepAliveInterval} must be between 0 and 55s: DBot closes a socket without a heartbeat for a minute";
        }
    }

    /// <inheritdoc />
    public string Topic(Symbol symbol, MarketDataKind kind) => kind switch
    {
        MarketDataKind.Trades => Tx + ":" + symbol.Value,
        MarketDataKind.Quotes => PairInfo + ":" + symbol.Value,
        _ => "none:" + kind.ToString().ToLowerInvariant() + ":" + symbol.Value,
    };

    /// <inheritdoc />
    public IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> topics, Func<long> nextId) => Frames("subscribe", topics, add: true);

    /// <inheritdoc />
    public IReadOnlyList<byte[]> UnsubscribeFrames(IReadOnlyList<string> topics, Func<long> nextId) => Frames("unsubscribe", topics, add: false);

    /// <inheritdoc />
    public byte[] EncodeSubscribe(IReadOnlyList<string> topics, long id) => Single(SubscribeFrames(topics, () => id));

    /// <inheritdoc />
    public byte[] EncodeUnsubscribe(IReadOnlyList<string> topics, long id) => Single(UnsubscribeFrames(topics, () => id));

    /// <inheritdoc />
    public ClientWebSocket PrepareSocket(ClientWebSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (!string.IsNullOrEmpty(_apiKey))
        {
            socket.Options.SetRequestHeader("X-API-KEY", _apiKey);
        }

        return socket;
    }

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
            throw new FormatException($"DBot data frame is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"DBot data frame must be a JSON object, not {root.ValueKind}");
            }

            if (Str(root, "method") is "subscribeResponse" or "unsubscribeResponse")
            {
                var result = root.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
                var message = result.ValueKind == JsonValueKind.Object ? Str(result, "message") : null;
                return new FeedInbound.ControlReply(null, Str(root, "status") == "ack" ? null : $"{Str(result, "type") ?? "?"}: {message ?? root.GetRawText()}");
            }

            if (!root.TryGetProperty("result", out var body))
            {
                return new FeedInbound.Ignored($"DBot frame without type or result: {Short(root)}");
            }

            return Str(root, "type") switch
            {
                Tx => Trades(body, receivedAt),
                PairInfo or "tokenInfo" or "pairsInfo" or "tokensInfo" => Quotes(body, receivedAt),
                var other => new FeedInbound.Ignored($"DBot data type '{other ?? "(none)"}'"),
            };
        }
    }

    /// <inheritdoc />
    public IBookSynchronizer CreateBook(Symbol symbol) => new DBotNoBook();

    /// <inheritdoc />
    public Task<BookSnapshotData> FetchSnapshotAsync(Symbol symbol, CancellationToken cancellationToken) =>
        Task.FromException<BookSnapshotData>(new NotSupportedException($"DBot pool {symbol} has no order book"));

    private FeedInbound Trades(JsonElement body, DateTimeOffset receivedAt)
    {
        var items = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : body.ValueKind == JsonValueKind.Object ? [body] : [];
        var events = ImmutableArray.CreateBuilder<IMarketDataEvent>(items.Count);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"a DBot tx item must be an object, not {item.ValueKind}");
            }

            var side = Str(item, "tt") switch
            {
                "buy" => OrderSide.Buy,
                "sell" => OrderSide.Sell,
                _ => (OrderSide?)null,
            };
            var quantity = Dec(item, "q");
            if (side is not { } aggressor || quantity <= 0m || Pool(item, _txPairs) is not { } pool)
            {
                continue;
            }

            var price = Dec(item, "u") / quantity;
            var id = Str(item, "i") ?? Str(item, "tx") ?? throw new FormatException("a DBot tx item has neither 'i' nor 'tx'");
            events.Add(new TradeTick(_feed, new Symbol(pool), id, price, quantity, aggressor, Time(item, receivedAt), receivedAt));
        }

        return events.Count == 0 ? new FeedInbound.Ignored("DBot tx push without a buy or sell of a known pool") : new FeedInbound.Many([.. events.Select(e => new FeedInbound.Market(e))]);
    }

    private FeedInbound Quotes(JsonElement body, DateTimeOffset receivedAt)
    {
        var items = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : body.ValueKind == JsonValueKind.Object ? [body] : [];
        var events = ImmutableArray.CreateBuilder<IMarketDataEvent>(items.Count);
        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (!item.TryGetProperty("tp", out var tp) || tp.ValueKind == JsonValueKind.Null || Pool(item, _infoPairs) is not { } pool)
            {
                continue;
            }

            var price = DecValue(tp, "tp");
            if (price <= 0m)
            {
                throw new FormatException($"'tp' must be a positive price, not {tp.GetRawText()}");
            }

            events.Add(new QuoteTick(_feed, new Symbol(pool), price, 0m, price, 0m, Time(item, receivedAt), receivedAt));
        }

        return events.Count == 0 ? new FeedInbound.Ignored("DBot pair update without a price of a known pool") : new FeedInbound.Many([.. events.Select(e => new FeedInbound.Market(e))]);
    }

    /// <summary>The pool of a push: its <c>p</c>, else the only subscribed pool of the type, else null.</summary>
    private static string? Pool(JsonElement item, HashSet<string> subscribed) =>
        Str(item, "p") ?? Str(item, "pair") ?? (subscribed.Count == 1 ? subscribed.First() : null);

    private List<byte[]> Frames(string method, IReadOnlyList<string> topics, bool add)
    {
        var frames = new List<byte[]>();
        var tx = topics.Where(t => t.StartsWith(Tx + ":", StringComparison.Ordinal)).Select(t => t[(Tx.Length + 1)..]).ToList();
        if (tx.Count > 0)
        {
            frames.Add(Control(method, Tx, writer =>
            {
                writer.WriteStartArray("pair");
                tx.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }));
            Track(_txPairs, tx, add);
        }

        var info = topics.Where(t => t.StartsWith(PairInfo + ":", StringComparison.Ordinal)).Select(t => t[(PairInfo.Length + 1)..]).ToList();
        foreach (var pair in info)
        {
            frames.Add(Control(method, PairInfo, writer => writer.WriteString("pair", pair)));
        }

        Track(_infoPairs, info, add);
        return frames;
    }

    private static void Track(HashSet<string> pairs, List<string> changed, bool add)
    {
        if (add)
        {
            pairs.UnionWith(changed);
        }
        else
        {
            pairs.ExceptWith(changed);
        }
    }

    private static byte[] Control(string method, string type, Action<Utf8JsonWriter> args)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WriteString("type", type);
            writer.WriteStartObject("args");
            args(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Single(IReadOnlyList<byte[]> frames) => frames.Count == 1
        ? frames[0]
        : throw new ArgumentException($"DBot subscribes one type per frame; these topics need {frames.Count} frames (use the *Frames methods)");

    private static DateTimeOffset Time(JsonElement item, DateTimeOffset receivedAt)
    {
        if (!item.TryGetProperty("t", out var t) || t.ValueKind == JsonValueKind.Null)
        {
            return receivedAt;
        }

        var value = DecValue(t, "t");
        return value < 1_000_000_000_000m ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000m)) : DateTimeOffset.FromUnixTimeMilliseconds((long)value);
    }

    private static string? Str(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal Dec(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) ? DecValue(v, name) : throw new FormatException($"'{name}' is missing");

    private static decimal DecValue(JsonElement v, string what) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d
        : v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d
        : throw new FormatException($"'{what}' must be a number or a numeric string, not {v.GetRawText()}");

    private static string Short(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
