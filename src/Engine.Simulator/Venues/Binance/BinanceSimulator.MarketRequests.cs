using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Recent trades and best bid/ask on request (market-data reference §1.6), for the WebSocket API methods
/// <c>trades.recent</c> and <c>ticker.book</c> and their REST twins <c>GET /api/v3/trades</c> and
/// <c>/api/v3/ticker/bookTicker</c>: the same public trades the <c>@trade</c> streams carried (the last
/// <see cref="RecentTradesKept"/> per symbol, oldest first) and the top of the same book the depth streams publish.
/// </summary>
public sealed partial class BinanceSimulator
{
    /// <summary>Public trades kept per symbol (Binance's largest <c>trades.recent</c> limit).</summary>
    private const int RecentTradesKept = 1000;

    private readonly Dictionary<string, Queue<JsonObject>> recentTrades = new(StringComparer.Ordinal);

    /// <summary>Keeps one public trade for <c>trades.recent</c>; under the lock.</summary>
    private void RecordTrade(string symbol, long id, decimal price, decimal quantity, bool buyerIsMaker, DateTimeOffset now)
    {
        if (!recentTrades.TryGetValue(symbol, out var trades))
        {
            recentTrades[symbol] = trades = new Queue<JsonObject>();
        }

        if (trades.Count == RecentTradesKept)
        {
            trades.Dequeue();
        }

        trades.Enqueue(new JsonObject
        {
            ["id"] = id,
            ["price"] = BinanceJson.Dec(price),
            ["qty"] = BinanceJson.Dec(quantity),
            ["quoteQty"] = BinanceJson.Dec(price * quantity),
            ["time"] = now.ToUnixTimeMilliseconds(),
            ["isBuyerMaker"] = buyerIsMaker,
            ["isBestMatch"] = true,
        });
    }

    /// <summary>The last <paramref name="limit"/> public trades of <paramref name="symbol"/>, oldest first.</summary>
    private JsonArray RecentTrades(string symbol, int limit)
    {
        var trades = recentTrades.TryGetValue(symbol, out var kept) ? kept.Skip(Math.Max(0, kept.Count - limit)) : [];
        return new JsonArray([.. trades.Select(t => (JsonNode)t.DeepClone())]);
    }

    /// <summary>
    /// Best bid and ask: one object for <paramref name="single"/>, else an array for <paramref name="wanted"/> (every
    /// symbol when empty; -1121 for one this venue does not list).
    /// </summary>
    private JsonNode BookTickers(string? single, HashSet<string> wanted)
    {
        if (single is not null)
        {
            return BookTicker(single);
        }

        if (wanted.FirstOrDefault(w => engine.Rules(w) is null) is not null)
        {
            throw new BinanceRequestException(400, -1121, "Invalid symbol.");
        }

        return new JsonArray([.. BinanceSymbols.Rules.Where(r => wanted.Count == 0 || wanted.Contains(r.Symbol)).Select(r => (JsonNode)BookTicker(r.Symbol))]);
    }

    private JsonObject BookTicker(string symbol)
    {
        var top = DepthSnapshot(symbol, 1);
        var bid = top["bids"]!.AsArray().FirstOrDefault()?.AsArray();
        var ask = top["asks"]!.AsArray().FirstOrDefault()?.AsArray();
        return new JsonObject
        {
            ["symbol"] = symbol,
            ["bidPrice"] = bid?[0]?.DeepClone() ?? BinanceJson.Dec(0m),
            ["bidQty"] = bid?[1]?.DeepClone() ?? BinanceJson.Dec(0m),
            ["askPrice"] = ask?[0]?.DeepClone() ?? BinanceJson.Dec(0m),
            ["askQty"] = ask?[1]?.DeepClone() ?? BinanceJson.Dec(0m),
        };
    }

    /// <summary>WebSocket API <c>trades.recent</c>: <c>symbol</c>, <c>limit</c> (default 500, at most 1,000).</summary>
    private BinanceOutcome RecentTradesMethod(BinanceRequest request)
    {
        var limit = request.Long("limit") is { } l ? (int)Math.Clamp(l, 1, RecentTradesKept) : 500;
        return new BinanceOutcome(RecentTrades(ListedSymbol(request.RequiredString("symbol")), limit));
    }

    /// <summary>WebSocket API <c>ticker.book</c>: <c>symbol</c> (one object) or <c>symbols</c> (an array), none = every symbol.</summary>
    private BinanceOutcome BookTickerMethod(BinanceRequest request) =>
        new(BookTickers(SingleSymbol(request) is { } one ? ListedSymbol(one) : null, WantedSymbols(request)));

    private string ListedSymbol(string symbol) =>
        engine.Rules(symbol) is null ? throw new BinanceRequestException(400, -1121, "Invalid symbol.") : symbol;
}
