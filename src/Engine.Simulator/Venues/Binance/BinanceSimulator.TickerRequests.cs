using System.Globalization;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Price tickers on request: WebSocket API <c>ticker.price</c> and <c>ticker.24hr</c> (type FULL or MINI) and their REST twins
/// <c>GET /api/v3/ticker/price</c> and <c>/api/v3/ticker/24hr</c> (what ccxt's <c>fetchTicker</c> reads). The 24 h
/// figures are the rolling window of the same public trades the <c>@ticker</c> stream is cut from; a symbol that has not
/// traded in the window answers zeros with ids -1, as Binance does. One <c>symbol</c> gives an object, <c>symbols</c> or
/// none an array; both together are -1128.
/// </summary>
public sealed partial class BinanceSimulator
{
    /// <summary>The last price of each symbol asked for: its last public trade, or its mid before it ever traded.</summary>
    private JsonNode PriceTickers(string? single, HashSet<string> wanted) =>
        Tickers(single, wanted, symbol => new JsonObject
        {
            ["symbol"] = symbol,
            ["price"] = BinanceJson.Dec(recentTrades.TryGetValue(symbol, out var trades) && trades.Count > 0
                ? decimal.Parse(trades.Last()["price"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                : market.Mid(symbol) ?? 0m),
        });

    /// <summary>The 24 h rolling statistics of each symbol asked for, with the best bid and ask of its book.</summary>
    private JsonNode DayTickers(string? single, HashSet<string> wanted, bool mini, DateTimeOffset now) =>
        Tickers(single, wanted, symbol =>
        {
            var full = DayTicker(symbol, now);
            return mini ? new JsonObject([.. MiniFields.Select(f => KeyValuePair.Create<string, JsonNode?>(f, full[f]!.DeepClone()))]) : full;
        });

    /// <summary>The fields of a MINI 24 h ticker, in Binance's order.</summary>
    private static readonly string[] MiniFields =
        ["symbol", "openPrice", "highPrice", "lowPrice", "lastPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count"];

    private JsonObject DayTicker(string symbol, DateTimeOffset now)
    {
            var top = BookTicker(symbol);
            var stats = tickers.Of(symbol, now);
            var open = stats?.Open ?? 0m;
            var change = stats is null ? 0m : stats.Last - stats.Open;
            return new JsonObject
            {
                ["symbol"] = symbol,
                ["priceChange"] = BinanceJson.Dec(change),
                ["priceChangePercent"] = (open > 0m ? Math.Round(change / open * 100m, 3) : 0m).ToString("0.000", CultureInfo.InvariantCulture),
                ["weightedAvgPrice"] = BinanceJson.Dec(stats is null ? 0m : Math.Round(stats.WeightedAverage, 8)),
                ["prevClosePrice"] = BinanceJson.Dec(open),
                ["lastPrice"] = BinanceJson.Dec(stats?.Last ?? 0m),
                ["lastQty"] = BinanceJson.Dec(stats?.LastQuantity ?? 0m),
                ["bidPrice"] = top["bidPrice"]!.DeepClone(),
                ["bidQty"] = top["bidQty"]!.DeepClone(),
                ["askPrice"] = top["askPrice"]!.DeepClone(),
                ["askQty"] = top["askQty"]!.DeepClone(),
                ["openPrice"] = BinanceJson.Dec(open),
                ["highPrice"] = BinanceJson.Dec(stats?.High ?? 0m),
                ["lowPrice"] = BinanceJson.Dec(stats?.Low ?? 0m),
                ["volume"] = BinanceJson.Dec(stats?.Volume ?? 0m),
                ["quoteVolume"] = BinanceJson.Dec(stats?.QuoteVolume ?? 0m),
                ["openTime"] = (now - Market.TickerTape.Window).ToUnixTimeMilliseconds(),
                ["closeTime"] = now.ToUnixTimeMilliseconds(),
                ["firstId"] = stats?.FirstId ?? -1,
                ["lastId"] = stats?.LastId ?? -1,
                ["count"] = stats?.Count ?? 0,
            };
    }

    /// <summary>One object for <paramref name="single"/>, else an array over <paramref name="wanted"/> (all when empty; -1121 for an unlisted one).</summary>
    private JsonNode Tickers(string? single, HashSet<string> wanted, Func<string, JsonObject> ticker)
    {
        if (single is not null)
        {
            return ticker(ListedSymbol(single));
        }

        if (wanted.FirstOrDefault(w => engine.Rules(w) is null) is not null)
        {
            throw new BinanceRequestException(400, -1121, "Invalid symbol.");
        }

        return new JsonArray([.. BinanceSymbols.Rules.Where(r => wanted.Count == 0 || wanted.Contains(r.Symbol)).Select(r => (JsonNode)ticker(r.Symbol))]);
    }

    /// <summary>Weight of <c>ticker.24hr</c>: 2 for one symbol or up to 20, 40 up to 100, 80 beyond or for all.</summary>
    private static int DayTickerWeight(bool single, int symbols) => single ? 2 : symbols == 0 || symbols > 100 ? 80 : symbols > 20 ? 40 : 2;

    /// <summary>WebSocket API <c>ticker.price</c>.</summary>
    private BinanceOutcome PriceTickerMethod(BinanceRequest request) =>
        new(PriceTickers(SingleSymbol(request), WantedSymbols(request)));

    /// <summary>WebSocket API <c>ticker.24hr</c>: <c>type</c> FULL (default) or MINI.</summary>
    private BinanceOutcome DayTickerMethod(BinanceRequest request) =>
        new(DayTickers(SingleSymbol(request), WantedSymbols(request), IsMini(request.String("type")), request.Now));

    /// <summary>True for <c>type=MINI</c>, false for FULL or none; -1100 otherwise.</summary>
    private static bool IsMini(string? type) => type switch
    {
        null or "" or "FULL" => false,
        "MINI" => true,
        _ => throw new BinanceRequestException(400, -1100, "Illegal characters found in parameter 'type'; legal range is 'FULL, MINI'."),
    };

    /// <summary><c>symbol</c> when given alone; -1128 when <c>symbols</c> comes with it.</summary>
    private static string? SingleSymbol(BinanceRequest request) =>
        request.Has("symbol") && request.Has("symbols")
            ? throw new BinanceRequestException(400, -1128, "Combination of optional parameters invalid.")
            : request.String("symbol");
}
