using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Market;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// What the market-data streams publish (market-data reference §1.4), all cut from the synthetic market the matching
/// engine fills against: on every market step, per symbol, a <c>depthUpdate</c> with contiguous <c>U</c>/<c>u</c>
/// (the <see cref="DepthTape"/>), partial depth, <c>bookTicker</c>, a synthetic trade in the direction of the move and
/// the candles; every fill of the simulator's own orders is a public trade too. REST <c>GET /api/v3/depth</c> and the
/// WebSocket API <c>depth</c> serve snapshots of the same tape. Faults, by method or as control-API fault rules whose
/// <c>op</c> is the symbol (<see cref="Faults.FaultKind.DropDiff"/>, <c>DuplicateDiff</c>, <c>ReorderDiff</c>,
/// <c>StaleSnapshot</c>, <c>StallStream</c>, <c>CloseStreams</c>): drop, duplicate or reorder a diff (a gap), serve a
/// snapshot too old to join, silence a symbol's streams for a while, close every stream connection.
/// </summary>
public sealed partial class BinanceSimulator
{
    /// <summary>The kline intervals served (<c>1M</c> is not).</summary>
    private static readonly string[] KlineIntervals = ["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w"];

    private readonly DepthTape depthTape = new();
    private readonly CandleTape candles = new();
    private readonly Dictionary<string, long> tradeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> lastMids = new(StringComparer.Ordinal);
    private readonly HashSet<string> dropNextDepth = new(StringComparer.Ordinal);
    private readonly HashSet<string> duplicateNextDepth = new(StringComparer.Ordinal);
    private readonly HashSet<string> staleNextSnapshot = new(StringComparer.Ordinal);
    private long streamConnectionsAccepted;

    /// <summary>Market-data stream connections accepted since start.</summary>
    public long StreamConnectionsAccepted
    {
        get
        {
            lock (gate)
            {
                return streamConnectionsAccepted;
            }
        }
    }

    /// <summary>Open market-data stream connections.</summary>
    public int StreamConnections
    {
        get
        {
            lock (gate)
            {
                return streamSockets.Open().Count;
            }
        }
    }

    /// <summary>The streams subscribed on the open stream connections, each once, in ordinal order.</summary>
    public IReadOnlyList<string> StreamSubscriptions()
    {
        lock (gate)
        {
            return [.. streamSockets.Open().SelectMany(s => s.Streams).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Fault: the next <c>depthUpdate</c> of <paramref name="symbol"/> is not sent (its update ids are still used up: a gap).</summary>
    public void DropNextDepthUpdate(string symbol)
    {
        lock (gate)
        {
            dropNextDepth.Add(symbol);
        }
    }

    /// <summary>Fault: the next <c>depthUpdate</c> of <paramref name="symbol"/> is sent twice.</summary>
    public void DuplicateNextDepthUpdate(string symbol)
    {
        lock (gate)
        {
            duplicateNextDepth.Add(symbol);
        }
    }

    /// <summary>Fault: the next depth snapshot of <paramref name="symbol"/> (REST or WebSocket API) claims a <c>lastUpdateId</c> 1,000 ids old: too old to join the stream.</summary>
    public void ServeStaleSnapshotOnce(string symbol)
    {
        lock (gate)
        {
            staleNextSnapshot.Add(symbol);
        }
    }

    /// <summary>
    /// Announces a shutdown on every stream connection (<c>{"e":"serverShutdown","E":…}</c>, combined as
    /// <c>!serverShutdown</c>) without closing them; returns how many were told.
    /// </summary>
    public int AnnounceStreamsShutdown()
    {
        lock (gate)
        {
            var open = streamSockets.Open();
            var payload = new JsonObject { ["e"] = "serverShutdown", ["E"] = time.GetUtcNow().ToUnixTimeMilliseconds() };
            foreach (var session in open)
            {
                session.Send(session.Combined
                    ? BinanceJson.Write(new JsonObject { ["stream"] = "!serverShutdown", ["data"] = payload.DeepClone() })
                    : BinanceJson.Write(payload));
            }

            return open.Count;
        }
    }

    /// <summary>Fault: closes every market-data stream connection normally; returns how many.</summary>
    public int CloseStreams()
    {
        lock (gate)
        {
            var open = streamSockets.Open();
            open.ForEach(s => s.Close());
            return open.Count;
        }
    }

    /// <summary>Publishes one symbol's market state after a market step; under the lock.</summary>
    private void PublishMarket(string symbol, DateTimeOffset now)
    {
        if (market.Quote(symbol) is not { } quote)
        {
            return;
        }

        var lower = symbol.ToLowerInvariant();
        List<BinanceStreamSession> sessions = Stalled(symbol, now) ? [] : streamSockets.Open();
        if (depthTape.Advance(quote) is { } change && !DiffFault(dropNextDepth, FaultKind.DropDiff, symbol))
        {
            var diff = DepthUpdate(change, now);
            if (Faults.TryTake(FaultKind.ReorderDiff, symbol) is not null && !heldDiffs.ContainsKey(symbol))
            {
                heldDiffs[symbol] = diff;
            }
            else
            {
                for (var copies = DiffFault(duplicateNextDepth, FaultKind.DuplicateDiff, symbol) ? 2 : 1; copies > 0; copies--)
                {
                    PublishDiff(sessions, lower, diff);
                }

                if (heldDiffs.Remove(symbol, out var held))
                {
                    PublishDiff(sessions, lower, held);
                }
            }
        }

        foreach (var levels in (int[])[5, 10, 20])
        {
            var partial = PartialDepth(symbol, levels);
            Publish(sessions, $"{lower}@depth{levels}", partial);
            Publish(sessions, $"{lower}@depth{levels}@100ms", partial);
        }

        if (quote.Bids.Count > 0 && quote.Asks.Count > 0)
        {
            Publish(sessions, lower + "@bookTicker", new JsonObject
            {
                ["u"] = depthTape.UpdateId(symbol),
                ["s"] = symbol,
                ["b"] = BinanceJson.Dec(quote.Bids[0].Price),
                ["B"] = BinanceJson.Dec(quote.Bids[0].Quantity),
                ["a"] = BinanceJson.Dec(quote.Asks[0].Price),
                ["A"] = BinanceJson.Dec(quote.Asks[0].Quantity),
            });
        }

        if (lastMids.TryGetValue(symbol, out var previous) && previous != quote.Mid && quote.Bids.Count > 0 && quote.Asks.Count > 0)
        {
            var up = quote.Mid > previous;
            var level = up ? quote.Asks[0] : quote.Bids[0];
            PublishTrade(sessions, symbol, level.Price, Math.Round(level.Quantity / 10m, 8), buyerIsMaker: !up, now);
        }

        lastMids[symbol] = quote.Mid;
        PublishCandles(sessions, symbol, quote.Mid, 0m, now);
        PublishTickers(sessions, symbol, quote, now);
        if (Faults.TryTake(FaultKind.CloseStreams, symbol) is not null)
        {
            streamSockets.Open().ForEach(s => s.Close());
        }
    }

    /// <summary>A fill of the simulator's own order is a public trade: its buyer was the maker when a maker buy or a taker sell.</summary>
    private void PublishFill(Fill fill, DateTimeOffset now)
    {
        List<BinanceStreamSession> sessions = Stalled(fill.Symbol, now) ? [] : streamSockets.Open();
        var buyerIsMaker = (fill.Side == OrderSide.Buy) == (fill.Liquidity == Liquidity.Maker);
        PublishTrade(sessions, fill.Symbol, fill.Price, fill.Quantity, buyerIsMaker, now);
    }

    private void PublishTrade(List<BinanceStreamSession> sessions, string symbol, decimal price, decimal quantity, bool buyerIsMaker, DateTimeOffset now)
    {
        var id = tradeIds.GetValueOrDefault(symbol, venue.FirstOrderId) + 1;
        tradeIds[symbol] = id;
        tickers.Add(symbol, id, price, quantity, now);
        RecordTrade(symbol, id, price, quantity, buyerIsMaker, now);
        var ms = now.ToUnixTimeMilliseconds();
        var lower = symbol.ToLowerInvariant();
        Publish(sessions, lower + "@trade", new JsonObject
        {
            ["e"] = "trade", ["E"] = ms, ["s"] = symbol, ["t"] = id, ["p"] = BinanceJson.Dec(price), ["q"] = BinanceJson.Dec(quantity),
            ["T"] = ms, ["m"] = buyerIsMaker, ["M"] = true,
        });
        Publish(sessions, lower + "@aggTrade", new JsonObject
        {
            ["e"] = "aggTrade", ["E"] = ms, ["s"] = symbol, ["a"] = id, ["p"] = BinanceJson.Dec(price), ["q"] = BinanceJson.Dec(quantity),
            ["f"] = id, ["l"] = id, ["T"] = ms, ["m"] = buyerIsMaker, ["M"] = true,
        });
        PublishCandles(sessions, symbol, price, quantity, now);
    }

    /// <summary>
    /// Folds a price into the candles of every served interval, subscribed or not, so that a client subscribing later
    /// gets the candle of the current interval (and, at its first price, the close of the one before), never one left
    /// over from an earlier subscription; publishes them to the subscribers.
    /// </summary>
    private void PublishCandles(List<BinanceStreamSession> sessions, string symbol, decimal price, decimal volume, DateTimeOffset now)
    {
        var prefix = symbol.ToLowerInvariant() + "@kline_";
        foreach (var name in KlineIntervals)
        {
            var (candle, closed) = candles.Add(symbol, KlineInterval(name)!.Value, price, volume, now);
            var stream = prefix + name;
            if (!sessions.Exists(s => s.Streams.Contains(stream)))
            {
                continue;
            }

            if (closed is not null)
            {
                Publish(sessions, stream, Kline(symbol, name, closed, isClosed: true, now));
            }

            Publish(sessions, stream, Kline(symbol, name, candle, isClosed: false, now));
        }
    }

    private static JsonObject Kline(string symbol, string interval, CandleTape.Candle candle, bool isClosed, DateTimeOffset now) => new()
    {
        ["e"] = "kline",
        ["E"] = now.ToUnixTimeMilliseconds(),
        ["s"] = symbol,
        ["k"] = new JsonObject
        {
            ["t"] = candle.OpenTime.ToUnixTimeMilliseconds(), ["T"] = candle.CloseTime.ToUnixTimeMilliseconds(), ["s"] = symbol, ["i"] = interval,
            ["f"] = 0, ["L"] = 0, ["o"] = BinanceJson.Dec(candle.Open), ["c"] = BinanceJson.Dec(candle.Close),
            ["h"] = BinanceJson.Dec(candle.High), ["l"] = BinanceJson.Dec(candle.Low), ["v"] = BinanceJson.Dec(candle.Volume),
            ["n"] = candle.Trades, ["x"] = isClosed, ["q"] = BinanceJson.Dec(candle.Volume * candle.Close),
            ["V"] = BinanceJson.Dec(0m), ["Q"] = BinanceJson.Dec(0m), ["B"] = "0",
        },
    };

    /// <summary>Sends <paramref name="payload"/> to every session subscribed to <paramref name="stream"/>, raw or combined as each asks.</summary>
    private static void Publish(List<BinanceStreamSession> sessions, string stream, JsonNode payload)
    {
        string? raw = null;
        string? combined = null;
        foreach (var session in sessions)
        {
            if (!session.Streams.Contains(stream))
            {
                continue;
            }

            session.Send(session.Combined
                ? combined ??= BinanceJson.Write(new JsonObject { ["stream"] = stream, ["data"] = payload.DeepClone() })
                : raw ??= BinanceJson.Write(payload));
        }
    }

    private static JsonObject DepthUpdate(DepthChange change, DateTimeOffset now) => new()
    {
        ["e"] = "depthUpdate",
        ["E"] = now.ToUnixTimeMilliseconds(),
        ["s"] = change.Symbol,
        ["U"] = change.FirstUpdateId,
        ["u"] = change.FinalUpdateId,
        ["b"] = Levels(change.Bids),
        ["a"] = Levels(change.Asks),
    };

    private JsonObject PartialDepth(string symbol, int limit)
    {
        var snapshot = depthTape.Snapshot(symbol, limit);
        return new JsonObject
        {
            ["lastUpdateId"] = snapshot?.LastUpdateId ?? 0,
            ["bids"] = Levels(snapshot?.Bids ?? []),
            ["asks"] = Levels(snapshot?.Asks ?? []),
        };
    }

    private static JsonArray Levels(IReadOnlyList<PriceLevel> levels) =>
        new([.. levels.Select(l => (JsonNode)new JsonArray(BinanceJson.Dec(l.Price), BinanceJson.Dec(l.Quantity)))]);

    /// <summary>A depth snapshot of the tape (the book is published first when the symbol never was); under the lock.</summary>
    private JsonObject DepthSnapshot(string symbol, int limit)
    {
        if (depthTape.UpdateId(symbol) == 0)
        {
            PublishMarket(symbol, time.GetUtcNow());
        }

        var snapshot = PartialDepth(symbol, limit);
        if (DiffFault(staleNextSnapshot, FaultKind.StaleSnapshot, symbol))
        {
            snapshot["lastUpdateId"] = snapshot["lastUpdateId"]!.GetValue<long>() - 1_000;
        }

        return snapshot;
    }

    /// <summary>WebSocket API <c>depth</c> (§1.6), unsigned: <c>symbol</c>, <c>limit</c> (default 100, at most 5,000).</summary>
    private BinanceOutcome DepthMethod(BinanceRequest request)
    {
        var symbol = request.String("symbol") ?? throw BinanceRequestException.Mandatory("symbol");
        if (engine.Rules(symbol) is null)
        {
            throw new BinanceRequestException(400, -1121, "Invalid symbol.");
        }

        var limit = request.Params.TryGetProperty("limit", out var l) && l.TryGetInt32(out var n) ? Math.Clamp(n, 1, BinanceStreamsLimits.MaxDepthLimit) : 100;
        return new BinanceOutcome(DepthSnapshot(symbol, limit));
    }

    /// <summary>Weight of a depth snapshot by its limit (§1.6).</summary>
    private static int DepthWeight(BinanceRequest request) => request.Params.TryGetProperty("limit", out var l) && l.TryGetInt32(out var limit) ? DepthWeight(limit) : DepthWeight(100);

    private static int DepthWeight(int limit) => limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
}
