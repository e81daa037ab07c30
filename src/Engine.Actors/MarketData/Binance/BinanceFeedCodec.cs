using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Wire;

namespace Engine.Actors.MarketData.Binance;

/// <summary>
/// Binance Spot WebSocket Streams (market-data reference §1): one combined-stream socket <c>&lt;url&gt;/stream</c>,
/// streams added and removed live with <c>SUBSCRIBE</c>/<c>UNSUBSCRIBE</c> (integer ids), pushes routed by their
/// <c>stream</c> name, book snapshots from REST <c>GET /api/v3/depth</c>. Decoding is case-sensitive (<c>b</c>/<c>B</c>,
/// <c>a</c>/<c>A</c> differ); prices and sizes are invariant decimals. Decoding is pure; only
/// <see cref="FetchSnapshotAsync"/> does I/O.
/// </summary>
public sealed partial class BinanceFeedCodec : IFeedCodec
{
    /// <summary>Binance kline intervals.</summary>
    public static readonly IReadOnlySet<string> BarIntervals = new HashSet<string>(StringComparer.Ordinal)
    {
        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M",
    };

    private readonly FeedId _feed;
    private readonly FeedOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _rest;
    private readonly SymbolCache _symbols = new();
    private readonly byte[] _barInterval;

    /// <summary>Creates the codec of one feed.</summary>
    public BinanceFeedCodec(FeedId feed, FeedOptions options, HttpClient http)
    {
        _feed = feed;
        _options = options;
        _http = http;
        _barInterval = Encoding.UTF8.GetBytes(options.BarInterval);
        var url = options.Url ?? throw new ArgumentException($"feed '{options.Name}' has no url", nameof(options));
        ConnectUri = new Uri(url.GetLeftPart(UriPartial.Authority) + url.AbsolutePath.TrimEnd('/') + "/stream");
        _rest = options.RestUrl ?? new UriBuilder(url) { Scheme = url.Scheme == "wss" ? "https" : "http", Path = "/" }.Uri;
    }

    /// <inheritdoc />
    public Uri ConnectUri { get; }

    /// <inheritdoc />
    public int MaxStreams => 1024;

    /// <inheritdoc />
    public string Topic(Symbol symbol, MarketDataKind kind)
    {
        var s = symbol.Value.ToLowerInvariant();
        return kind switch
        {
            MarketDataKind.Quotes => s + "@bookTicker",
            MarketDataKind.Trades => s + "@trade",
            MarketDataKind.Book => s + "@depth@100ms",
            MarketDataKind.Bars => s + "@kline_" + _options.BarInterval,
            MarketDataKind.Ticker => s + "@ticker",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown market-data kind"),
        };
    }

    /// <inheritdoc />
    public byte[] EncodeSubscribe(IReadOnlyList<string> topics, long id) => Control("SUBSCRIBE", topics, id);

    /// <inheritdoc />
    public byte[] EncodeUnsubscribe(IReadOnlyList<string> topics, long id) => Control("UNSUBSCRIBE", topics, id);

    /// <inheritdoc />
    public IBookSynchronizer CreateBook(Symbol symbol) => new BinanceDepthSync(_feed, symbol);

    /// <inheritdoc />
    public async Task<BookSnapshotData> FetchSnapshotAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var uri = new Uri(_rest, $"/api/v3/depth?symbol={Uri.EscapeDataString(symbol.Value)}&limit={_options.SnapshotDepth}");
        using var response = await _http.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET /api/v3/depth?symbol={symbol} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200))}");
        }

        return DecodeSnapshot(body);
    }

    /// <summary>Decodes a depth snapshot (<c>{"lastUpdateId","bids","asks"}</c>, REST or WebSocket API <c>result</c>).</summary>
    public static BookSnapshotData DecodeSnapshot(ReadOnlySpan<byte> body)
    {
        using var document = PooledJsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
        {
            root = result;
        }

        return new BookSnapshotData(Long(root, "lastUpdateId"), Levels(root, "bids"), Levels(root, "asks"));
    }

    /// <inheritdoc />
    /// <remarks>
    /// One pass of a <see cref="Utf8JsonReader"/> over the frame: the combined form's <c>stream</c> is compared as bytes,
    /// its <c>data</c> (or the raw form's top level) captured as field positions by <see cref="BinanceFrameFields"/>, the
    /// event type read from <c>e</c> as bytes (a <c>bookTicker</c>, which has none, by its <c>u</c>/<c>b</c>/<c>a</c>/<c>A</c>
    /// shape) and only the fields the event needs converted. Control replies, rare, go through <see cref="JsonDocument"/>.
    /// </remarks>
    public FeedInbound Decode(ReadOnlySpan<byte> frame, DateTimeOffset receivedAt)
    {
        Span<FrameField> slots = stackalloc FrameField[BinanceFrameFields.Slots];
        Span<FrameField> nested = stackalloc FrameField[BinanceFrameFields.Slots];
        var data = new BinanceFrameFields(frame, slots, nested);
        FrameField stream = default;
        var dataToken = JsonTokenType.None;
        var hasId = false;
        var isAnswer = false;
        scoped var reader = new Utf8JsonReader(frame);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException($"Binance stream frame must be a JSON object, not {TokenKind(reader.TokenType)}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueIsEscaped ? default : reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("stream"u8) && reader.TokenType == JsonTokenType.String)
                {
                    stream = BinanceFrameFields.Capture(ref reader);
                }
                else if (name.SequenceEqual("data"u8))
                {
                    dataToken = reader.TokenType;
                    if (dataToken == JsonTokenType.StartObject)
                    {
                        data.ReadObject(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (name.SequenceEqual("id"u8))
                {
                    hasId = true;
                    reader.Skip();
                }
                else if (name.SequenceEqual("result"u8) || name.SequenceEqual("error"u8) || name.SequenceEqual("code"u8))
                {
                    isAnswer = true;
                    reader.Skip();
                }
                else
                {
                    data.ReadMember(name, ref reader);
                }
            }

            // Past the object only white space may follow; anything else fails the reader.
            reader.Read();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Binance stream frame is not JSON: {ex.Message}", ex);
        }

        if (hasId && isAnswer)
        {
            return Reply(frame);
        }

        if (dataToken is not (JsonTokenType.None or JsonTokenType.StartObject))
        {
            return new FeedInbound.Ignored($"stream '{StreamName(frame, stream)}' payload {TokenKind(dataToken)}");
        }

        return Payload(frame, stream, data, receivedAt);
    }

    private FeedInbound Payload(ReadOnlySpan<byte> frame, FrameField stream, BinanceFrameFields d, DateTimeOffset receivedAt)
    {
        var type = d.PlainString('e');
        if (type.SequenceEqual("serverShutdown"u8) || StreamBytes(frame, stream).SequenceEqual("!serverShutdown"u8))
        {
            return new FeedInbound.ServerShutdown();
        }

        if (!d['e'].IsPresent && d['u'].IsPresent && d['b'].IsPresent && d['a'].IsPresent && d['A'].IsPresent)
        {
            return new FeedInbound.Market(BookTicker(d, receivedAt));
        }

        return type switch
        {
            _ when type.SequenceEqual("depthUpdate"u8) => new FeedInbound.Book(Depth(d)),
            _ when type.SequenceEqual("trade"u8) => new FeedInbound.Market(Trade(d, 't', receivedAt)),
            _ when type.SequenceEqual("aggTrade"u8) => new FeedInbound.Market(Trade(d, 'a', receivedAt)),
            _ when type.SequenceEqual("kline"u8) => new FeedInbound.Market(Kline(d, receivedAt)),
            _ when type.SequenceEqual("24hrTicker"u8) => new FeedInbound.Market(Ticker(d, full: true, receivedAt)),
            _ when type.SequenceEqual("24hrMiniTicker"u8) => new FeedInbound.Market(Ticker(d, full: false, receivedAt)),
            _ => new FeedInbound.Ignored($"stream '{(stream.IsPresent ? StreamName(frame, stream) : "(raw)")}' event '{d.OptStr('e') ?? "(none)"}'"),
        };
    }

    private static FeedInbound.ControlReply Reply(ReadOnlySpan<byte> frame)
    {
        using var document = PooledJsonDocument.Parse(frame);
        return Reply(document.RootElement);
    }

    private static ReadOnlySpan<byte> StreamBytes(ReadOnlySpan<byte> frame, FrameField stream) =>
        stream.IsPresent && !stream.Escaped ? frame.Slice(stream.Start + 1, stream.Length - 2) : default;

    private static string StreamName(ReadOnlySpan<byte> frame, FrameField stream) =>
        stream.IsPresent ? Encoding.UTF8.GetString(frame.Slice(stream.Start + 1, stream.Length - 2)) : string.Empty;

    private static string TokenKind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "Array",
        JsonTokenType.StartObject => "Object",
        JsonTokenType.None => "nothing",
        _ => token.ToString(),
    };

    private static FeedInbound.ControlReply Reply(JsonElement root)
    {
        var id = root.GetProperty("id");
        long? number = id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) ? n : null;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return new FeedInbound.ControlReply(number, $"{Raw(error, "code")}: {OptStr(error, "msg")}");
        }

        if (root.TryGetProperty("code", out var code))
        {
            return new FeedInbound.ControlReply(number, $"{code.GetRawText()}: {OptStr(root, "msg")}");
        }

        return new FeedInbound.ControlReply(number, null);
    }

    private static byte[] Control(string method, IReadOnlyList<string> topics, long id)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            foreach (var topic in topics)
            {
                writer.WriteStringValue(topic);
            }

            writer.WriteEndArray();
            writer.WriteNumber("id", id);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Raw(JsonElement owner, string name) => owner.TryGetProperty(name, out var v) ? v.GetRawText() : "?";

    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string? OptStr(JsonElement owner, string name) =>
        !owner.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new FormatException($"'{name}' must be a string, not {v.ValueKind}");

    private static long Long(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var v))
        {
            throw new FormatException($"'{name}' is missing");
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
            : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n) ? n
            : throw new FormatException($"'{name}' must be an integer, not {v.GetRawText()}");
    }

    /// <summary>A decimal string (Binance sends prices and sizes quoted) or number.</summary>
    private static decimal DecValue(JsonElement v, string what) =>
        v.ValueKind == JsonValueKind.String && TryDecimalString(v, out var d) ? d
        : v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out d) ? d
        : throw new FormatException($"'{what}' must be a decimal string, not {v.GetRawText()}");

    /// <summary>
    /// Parses a JSON string's text as a decimal from its UTF-8 bytes in the frame, without a .NET string per number (the
    /// hot path of every quote and depth level); only a string with an escape in it is unescaped first.
    /// </summary>
    private static bool TryDecimalString(JsonElement v, out decimal value)
    {
        var text = JsonMarshal.GetRawUtf8Value(v)[1..^1];
        return text.IndexOf((byte)'\\') < 0
            ? Utf8Decimal.TryParse(text, out value)
            : decimal.TryParse(v.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private static ImmutableArray<BookLevel> Levels(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'{name}' must be an array of [price, quantity]");
        }

        var builder = ImmutableArray.CreateBuilder<BookLevel>(array.GetArrayLength());
        foreach (var level in array.EnumerateArray())
        {
            if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() < 2)
            {
                throw new FormatException($"'{name}' level {level.GetRawText()} must be [price, quantity]");
            }

            builder.Add(new BookLevel(DecValue(level[0], name + " price"), DecValue(level[1], name + " quantity")));
        }

        return builder.MoveToImmutable();
    }
}
