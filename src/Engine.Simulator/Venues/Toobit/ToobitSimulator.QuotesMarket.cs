using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Market;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// What the quote WebSocket publishes (market-data reference §2.4–§2.5), all cut from the synthetic market the matching
/// engine fills against. On every market step, per symbol: a <c>diffDepth</c> delta (absolute quantities, <c>"0"</c>
/// deletes) with a per-symbol <c>o</c> (+1 each; the full push carries <c>o:0</c>, the counter goes on across
/// re-<c>sub</c>) and a <c>v</c> version, the whole book on <c>depth</c>, a synthetic trade in the direction of a mid
/// move, the 24 h ticker on <c>realtimes</c> and the candles on <c>kline_&lt;i&gt;</c>; every fill of the simulator's own
/// orders is a public trade too. Trade ids are 19-digit strings, globally increasing; <c>m:true</c> means the aggressor
/// bought. Faults: drop the next delta of a symbol (its <c>o</c> still used: a gap), omit <c>o</c>, close the sockets.
/// </summary>
public sealed partial class ToobitSimulator
{
    private const int TradeBacklog = 60;
    private const int DepthLevels = 300;

    private readonly DepthTape quoteTape = new();
    private readonly CandleTape quoteCandles = new();
    private readonly Dictionary<string, long> diffSequence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> quoteMids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<JsonObject>> publicTrades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Open, decimal High, decimal Low, decimal Volume, decimal QuoteVolume)> tickers = new(StringComparer.Ordinal);
    private readonly HashSet<string> dropNextDiff = new(StringComparer.Ordinal);
    private long nextPublicTradeId = 4_864_732_022_868_004_630;
    private bool omitDiffSequence;

    /// <summary>Fault: the next <c>diffDepth</c> delta of <paramref name="symbol"/> is not sent; its <c>o</c> is used up (a gap).</summary>
    public void DropNextDiffDepth(string symbol)
    {
        lock (gate)
        {
            dropNextDiff.Add(symbol);
        }
    }

    /// <summary>Switch: <c>diffDepth</c> pushes carry no <c>o</c> (the documented shape; gaps become invisible).</summary>
    public bool OmitDiffDepthSequence
    {
        get
        {
            lock (gate)
            {
                return omitDiffSequence;
            }
        }

        set
        {
            lock (gate)
            {
                omitDiffSequence = value;
            }
        }
    }

    /// <summary>Publishes one symbol's market state after a market step; under the lock.</summary>
    private void PublishQuotes(string symbol, DateTimeOffset now)
    {
        if (market.Quote(symbol) is not { } quote || quote.Bids.Count == 0 || quote.Asks.Count == 0)
        {
            return;
        }

        var sessions = quoteSockets.Open();
        if (quoteTape.Advance(quote) is { } change)
        {
            var o = diffSequence.GetValueOrDefault(symbol) + 1;
            diffSequence[symbol] = o;
            if (!dropNextDiff.Remove(symbol))
            {
                var delta = new JsonObject
                {
                    ["e"] = 0,
                    ["t"] = now.ToUnixTimeMilliseconds(),
                    ["v"] = Version(change.FinalUpdateId),
                    ["b"] = QuoteLevels(change.Bids),
                    ["a"] = QuoteLevels(change.Asks),
                };
                if (!omitDiffSequence)
                {
                    delta["o"] = o;
                }

                SendQuote(sessions, "diffDepth", symbol, QuotePush("diffDepth", symbol, delta, false, now));
            }

            SendQuote(sessions, "depth", symbol, QuotePush("depth", symbol, WholeBook(symbol, now, full: false), false, now));
        }

        if (quoteMids.TryGetValue(symbol, out var previous) && previous != quote.Mid)
        {
            var up = quote.Mid > previous;
            var level = up ? quote.Asks[0] : quote.Bids[0];
            PublishPublicTrade(sessions, symbol, level.Price, Math.Round(level.Quantity / 10m, 8), aggressorBought: up, now);
        }

        quoteMids[symbol] = quote.Mid;
        Ticker(symbol, quote.Mid, 0m);
        SendQuote(sessions, "realtimes", symbol, QuotePush("realtimes", symbol, TickerData(symbol, now), false, now));
        PublishQuoteCandles(sessions, symbol, quote.Mid, 0m, now);
    }

    /// <summary>A fill of the simulator's own order is a public trade: the aggressor bought when a taker buy or a maker sell.</summary>
    private void PublishQuoteFill(Fill fill, DateTimeOffset now) =>
        PublishPublicTrade(quoteSockets.Open(), fill.Symbol, fill.Price, fill.Quantity, aggressorBought: (fill.Side == OrderSide.Buy) == (fill.Liquidity == Liquidity.Taker), now);

    private void PublishPublicTrade(List<ToobitQuoteSession> sessions, string symbol, decimal price, decimal quantity, bool aggressorBought, DateTimeOffset now)
    {
        var trade = new JsonObject
        {
            ["v"] = (nextPublicTradeId++).ToString(CultureInfo.InvariantCulture),
            ["t"] = now.ToUnixTimeMilliseconds(),
            ["p"] = ToobitJson.Dec(price),
            ["q"] = ToobitJson.Dec(quantity),
            ["m"] = aggressorBought,
        };
        if (!publicTrades.TryGetValue(symbol, out var recent))
        {
            publicTrades[symbol] = recent = new Queue<JsonObject>();
        }

        recent.Enqueue(trade);
        while (recent.Count > TradeBacklog)
        {
            recent.Dequeue();
        }

        Ticker(symbol, price, quantity);
        SendQuote(sessions, "trade", symbol, QuotePush("trade", symbol, new JsonArray(trade.DeepClone()), false, now));
        PublishQuoteCandles(sessions, symbol, price, quantity, now);
    }

    private void PublishQuoteCandles(List<ToobitQuoteSession> sessions, string symbol, decimal price, decimal volume, DateTimeOffset now)
    {
        var topics = sessions.SelectMany(s => s.Subscriptions).Where(s => s.Symbol == symbol && s.Topic.StartsWith("kline_", StringComparison.Ordinal)).Select(s => s.Topic).Distinct(StringComparer.Ordinal).ToList();
        foreach (var topic in topics)
        {
            var (candle, _) = quoteCandles.Add(symbol, KlineIntervals[topic["kline_".Length..]], price, volume, now);
            SendQuote(sessions, topic, symbol, QuotePush(topic, symbol, CandleData(symbol, candle), false, now));
        }
    }

    /// <summary>The first push after a <c>sub</c> (<c>f:true</c>): the last 60 trades, the whole book, the ticker or the current candle; under the lock.</summary>
    private string? FirstQuotePush(string topic, string symbol, DateTimeOffset now)
    {
        if (market.Quote(symbol) is not { } quote)
        {
            return null;
        }

        if (quoteTape.UpdateId(symbol) == 0)
        {
            quoteTape.Advance(quote);
        }

        switch (topic)
        {
            case "trade":
                return QuotePush(topic, symbol, new JsonArray([.. publicTrades.GetValueOrDefault(symbol, []).Select(t => t.DeepClone())]), true, now);
            case "depth":
                return QuotePush(topic, symbol, WholeBook(symbol, now, full: false), true, now);
            case "diffDepth":
                var book = WholeBook(symbol, now, full: true);
                if (omitDiffSequence)
                {
                    book.Remove("o");
                }

                return QuotePush(topic, symbol, book, true, now);
            case "realtimes":
                Ticker(symbol, quote.Mid, 0m);
                return QuotePush(topic, symbol, TickerData(symbol, now), true, now);
            default:
                var (candle, _) = quoteCandles.Add(symbol, KlineIntervals[topic["kline_".Length..]], quote.Mid, 0m, now);
                return QuotePush(topic, symbol, CandleData(symbol, candle), true, now);
        }
    }

    private JsonObject WholeBook(string symbol, DateTimeOffset now, bool full)
    {
        var snapshot = quoteTape.Snapshot(symbol, DepthLevels);
        var book = new JsonObject
        {
            ["e"] = 301,
            ["s"] = symbol,
            ["t"] = now.ToUnixTimeMilliseconds(),
            ["v"] = Version(snapshot?.LastUpdateId ?? 0),
            ["b"] = QuoteLevels(snapshot?.Bids ?? []),
            ["a"] = QuoteLevels(snapshot?.Asks ?? []),
            ["o"] = 0,
        };
        if (!full)
        {
            book.Remove("e");
        }

        return book;
    }

    private void Ticker(string symbol, decimal price, decimal volume)
    {
        var t = tickers.TryGetValue(symbol, out var current) ? current : (price, price, price, 0m, 0m);
        tickers[symbol] = (t.Item1, Math.Max(t.Item2, price), Math.Min(t.Item3, price), t.Item4 + volume, t.Item5 + (volume * price));
    }

    private JsonObject TickerData(string symbol, DateTimeOffset now)
    {
        var t = tickers[symbol];
        var last = quoteMids.TryGetValue(symbol, out var mid) ? mid : t.Open;
        return new JsonObject
        {
            ["t"] = now.ToUnixTimeMilliseconds(), ["s"] = symbol, ["sn"] = SymbolName(symbol), ["c"] = ToobitJson.Dec(last),
            ["h"] = ToobitJson.Dec(t.High), ["l"] = ToobitJson.Dec(t.Low), ["o"] = ToobitJson.Dec(t.Open), ["v"] = ToobitJson.Dec(t.Volume),
            ["qv"] = ToobitJson.Dec(Math.Round(t.QuoteVolume, 8)), ["m"] = ToobitJson.Dec(t.Open == 0m ? 0m : Math.Round((last - t.Open) / t.Open, 4)), ["e"] = 301,
        };
    }

    private static JsonObject CandleData(string symbol, CandleTape.Candle candle) => new()
    {
        ["t"] = candle.OpenTime.ToUnixTimeMilliseconds(), ["s"] = symbol, ["sn"] = SymbolName(symbol),
        ["c"] = ToobitJson.Dec(candle.Close), ["h"] = ToobitJson.Dec(candle.High), ["l"] = ToobitJson.Dec(candle.Low),
        ["o"] = ToobitJson.Dec(candle.Open), ["v"] = ToobitJson.Dec(candle.Volume),
    };

    /// <summary>The push envelope of §2.3; <c>data</c> is an array (an object is wrapped), kline pushes use topic <c>kline</c> with <c>params.klineType</c>.</summary>
    private static string QuotePush(string topic, string symbol, JsonNode data, bool first, DateTimeOffset now)
    {
        var parameters = new JsonObject { ["realtimeInterval"] = "24h", ["binary"] = "false" };
        var wireTopic = topic;
        if (topic.StartsWith("kline_", StringComparison.Ordinal))
        {
            wireTopic = "kline";
            parameters["klineType"] = topic["kline_".Length..];
        }

        return new JsonObject
        {
            ["symbol"] = symbol,
            ["symbolName"] = SymbolName(symbol),
            ["topic"] = wireTopic,
            ["params"] = parameters,
            ["data"] = data is JsonArray ? data : new JsonArray(data),
            ["f"] = first,
            ["sendTime"] = now.ToUnixTimeMilliseconds(),
            ["shared"] = false,
        }.ToJsonString();
    }

    private static void SendQuote(List<ToobitQuoteSession> sessions, string topic, string symbol, string frame)
    {
        foreach (var session in sessions)
        {
            if (session.Subscriptions.Contains((topic, symbol)))
            {
                session.Send(frame);
            }
        }
    }

    /// <summary>Live pushes name a perpetual <c>BTC-SWAP-USDTUSDT</c>.</summary>
    private static string SymbolName(string symbol) => ToobitSymbols.IsSwap(symbol) ? symbol + "USDT" : symbol;

    private static string Version(long updateId) => updateId.ToString(CultureInfo.InvariantCulture) + "_18";

    private static JsonArray QuoteLevels(IReadOnlyList<PriceLevel> levels) =>
        new([.. levels.Select(l => (JsonNode)new JsonArray(ToobitJson.Dec(l.Price), ToobitJson.Dec(l.Quantity)))]);
}
