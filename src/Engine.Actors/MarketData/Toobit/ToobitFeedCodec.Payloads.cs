using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.MarketData.Toobit;

/// <summary>The pushes of §2.3–§2.4: <c>trade</c>, <c>depth</c>, <c>diffDepth</c>, <c>kline</c> and (undocumented) <c>bookTicker</c>.</summary>
public sealed partial class ToobitFeedCodec
{
    private FeedInbound Push(string topic, JsonElement root, DateTimeOffset receivedAt)
    {
        var data = root.TryGetProperty("data", out var d) ? d : default;
        var items = data.ValueKind switch
        {
            JsonValueKind.Array => data.EnumerateArray().ToList(),
            JsonValueKind.Object => [data],
            _ => throw new FormatException($"Toobit '{topic}' push: 'data' must be an array or an object"),
        };
        var symbolText = Text(root, "symbol") ?? items.Select(i => Text(i, "s")).FirstOrDefault(s => s is not null)
            ?? throw new FormatException($"Toobit '{topic}' push names no symbol");
        var symbol = new Symbol(symbolText);
        var isFull = root.TryGetProperty("f", out var f) && f.ValueKind == JsonValueKind.True;
        return topic switch
        {
            "trade" => Many(items.Select(i => Trade(symbol, i, receivedAt)).OfType<FeedInbound>()),
            "depth" when items.Count > 0 => DepthQuote(symbol, items[^1], receivedAt),
            "diffDepth" when items.Count > 0 => new FeedInbound.Book(DiffDepth(symbol, isFull, items[^1])),
            "kline" => Many(items.SelectMany(i => Kline(symbol, root, i, receivedAt))),
            "bookTicker" when items.Count > 0 => new FeedInbound.Market(new QuoteTick(
                _feed, symbol, Dec(items[0], "b"), Dec(items[0], "bq"), Dec(items[0], "a"), Dec(items[0], "aq"), Time(items[0], "t", receivedAt), receivedAt)),
            _ => new FeedInbound.Ignored($"Toobit topic '{topic}' of {symbol}"),
        };
    }

    private static FeedInbound Many(IEnumerable<FeedInbound> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : new FeedInbound.Many(list);
    }

    /// <summary>A trade; null when its id was delivered already (the replayed backlog after a re-<c>sub</c>). <c>m:true</c>: the aggressor bought.</summary>
    private FeedInbound.Market? Trade(Symbol symbol, JsonElement t, DateTimeOffset receivedAt)
    {
        var id = Long(t, "v");
        if (_lastTradeIds.TryGetValue(symbol, out var last) && id <= last)
        {
            return null;
        }

        _lastTradeIds[symbol] = id;
        var buy = t.TryGetProperty("m", out var m) && (m.ValueKind == JsonValueKind.True || (m.ValueKind == JsonValueKind.String && m.GetString() == "true"));
        return new FeedInbound.Market(new TradeTick(
            _feed, symbol, id.ToString(CultureInfo.InvariantCulture), Dec(t, "p"), Dec(t, "q"), buy ? OrderSide.Buy : OrderSide.Sell, Time(t, "t", receivedAt), receivedAt));
    }

    /// <summary>The best levels of a whole-book <c>depth</c> push; ignored while a side is empty.</summary>
    private FeedInbound DepthQuote(Symbol symbol, JsonElement book, DateTimeOffset receivedAt)
    {
        var bids = Levels(book, "b");
        var asks = Levels(book, "a");
        if (bids.IsEmpty || asks.IsEmpty)
        {
            return new FeedInbound.Ignored($"Toobit depth of {symbol} with an empty side");
        }

        var bid = bids.MaxBy(l => l.Price)!;
        var ask = asks.MinBy(l => l.Price)!;
        return new FeedInbound.Market(new QuoteTick(_feed, symbol, bid.Price, bid.Quantity, ask.Price, ask.Quantity, Time(book, "t", receivedAt), receivedAt));
    }

    private static ToobitDepthPush DiffDepth(Symbol symbol, bool isFull, JsonElement book) =>
        new(symbol, isFull, OptLong(book, "o"), Text(book, "v"), Levels(book, "b"), Levels(book, "a"), Time(book, "t", DateTimeOffset.UnixEpoch));

    /// <summary>
    /// A candle of <c>params.klineType</c>: still forming until one with a later open time arrives, which first closes
    /// the previous one (Toobit sends no close flag).
    /// </summary>
    private List<FeedInbound> Kline(Symbol symbol, JsonElement root, JsonElement k, DateTimeOffset receivedAt)
    {
        var interval = root.TryGetProperty("params", out var p) && Text(p, "klineType") is { } type ? type : _options.BarInterval;
        var open = Time(k, "t", receivedAt);
        var bar = new Bar(_feed, symbol, interval, open, CloseOf(open, interval), Dec(k, "o"), Dec(k, "h"), Dec(k, "l"), Dec(k, "c"), Dec(k, "v"), false, Time(root, "sendTime", receivedAt), receivedAt);
        var key = (symbol, interval);
        var results = new List<FeedInbound>(2);
        if (_openBars.TryGetValue(key, out var previous))
        {
            if (open < previous.OpenTime)
            {
                return results;
            }

            if (open > previous.OpenTime)
            {
                results.Add(new FeedInbound.Market(previous with { IsClosed = true, EventTime = bar.EventTime, ReceivedAt = receivedAt }));
            }
        }

        _openBars[key] = bar;
        results.Add(new FeedInbound.Market(bar));
        return results;
    }

    /// <summary>End of the candle opened at <paramref name="open"/>: open + interval (<c>1M</c> a calendar month), minus 1 ms as Binance reports it.</summary>
    private static DateTimeOffset CloseOf(DateTimeOffset open, string interval)
    {
        var n = int.TryParse(interval[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
        var end = interval[^1] switch
        {
            'm' => open.AddMinutes(n),
            'h' => open.AddHours(n),
            'd' => open.AddDays(n),
            'w' => open.AddDays(7 * n),
            'M' => open.AddMonths(n),
            _ => open,
        };
        return end.AddMilliseconds(-1);
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => null,
            }
            : null;

    private static long? OptLong(JsonElement owner, string name) =>
        Text(owner, name) is { } text ? long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"'{name}' must be an integer, not {text}") : null;

    private static long Long(JsonElement owner, string name) => OptLong(owner, name) ?? throw new FormatException($"'{name}' is missing");

    private static DateTimeOffset Time(JsonElement owner, string name, DateTimeOffset fallback) =>
        OptLong(owner, name) is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fallback;

    private static decimal Dec(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) ? DecValue(v, name) : throw new FormatException($"'{name}' is missing");

    private static decimal DecValue(JsonElement v, string what) =>
        v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d
        : v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out d) ? d
        : throw new FormatException($"'{what}' must be a decimal, not {v.GetRawText()}");

    private static ImmutableArray<BookLevel> Levels(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
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
