using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Market;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// The 24 h rolling tickers (market-data reference §1.4): <c>&lt;s&gt;@ticker</c> (<c>24hrTicker</c>) and
/// <c>&lt;s&gt;@miniTicker</c> (<c>24hrMiniTicker</c>), cut from the public trades (synthetic and the simulator's own
/// fills) through a <see cref="TickerTape"/>, published with a market step at most once per
/// <see cref="BinanceStreamsLimits.TickerInterval"/> per symbol, once the symbol has traded; and the all-market
/// <c>!miniTicker@arr</c>: at most once per interval, an array of the mini tickers of the symbols that changed since the
/// last one, in symbol order.
/// </summary>
public sealed partial class BinanceSimulator
{
    private readonly TickerTape tickers = new();
    private readonly Dictionary<string, DateTimeOffset> tickersSentAt = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, JsonObject> miniTickersChanged = new(StringComparer.Ordinal);
    private DateTimeOffset? miniTickerArraySentAt;

    /// <summary>The all-market mini ticker stream.</summary>
    private const string AllMiniTickers = "!miniTicker@arr";

    /// <summary>Publishes the symbol's tickers when due; under the lock.</summary>
    private void PublishTickers(List<BinanceStreamSession> sessions, string symbol, MarketQuote quote, DateTimeOffset now)
    {
        if (tickersSentAt.TryGetValue(symbol, out var sent) && now - sent < BinanceStreamsLimits.TickerInterval)
        {
            return;
        }

        if (tickers.Of(symbol, now) is not { } stats)
        {
            return;
        }

        tickersSentAt[symbol] = now;
        var lower = symbol.ToLowerInvariant();
        var ms = now.ToUnixTimeMilliseconds();
        var mini = new JsonObject
        {
            ["e"] = "24hrMiniTicker", ["E"] = ms, ["s"] = symbol,
            ["c"] = BinanceJson.Dec(stats.Last), ["o"] = BinanceJson.Dec(stats.Open), ["h"] = BinanceJson.Dec(stats.High),
            ["l"] = BinanceJson.Dec(stats.Low), ["v"] = BinanceJson.Dec(stats.Volume), ["q"] = BinanceJson.Dec(stats.QuoteVolume),
        };
        Publish(sessions, lower + "@miniTicker", mini);
        miniTickersChanged[symbol] = mini;
        if (miniTickerArraySentAt is not { } arraySent || now - arraySent >= BinanceStreamsLimits.TickerInterval)
        {
            miniTickerArraySentAt = now;
            Publish(sessions, AllMiniTickers, new JsonArray([.. miniTickersChanged.Values.Select(t => t.DeepClone())]));
            miniTickersChanged.Clear();
        }

        var change = stats.Last - stats.Open;
        Publish(sessions, lower + "@ticker", new JsonObject
        {
            ["e"] = "24hrTicker", ["E"] = ms, ["s"] = symbol,
            ["p"] = BinanceJson.Dec(change),
            ["P"] = (stats.Open > 0m ? Math.Round(change / stats.Open * 100m, 3) : 0m).ToString("0.000", CultureInfo.InvariantCulture),
            ["w"] = BinanceJson.Dec(Math.Round(stats.WeightedAverage, 8)),
            ["x"] = BinanceJson.Dec(stats.Open),
            ["c"] = BinanceJson.Dec(stats.Last), ["Q"] = BinanceJson.Dec(stats.LastQuantity),
            ["b"] = BinanceJson.Dec(quote.Bids.Count > 0 ? quote.Bids[0].Price : 0m), ["B"] = BinanceJson.Dec(quote.Bids.Count > 0 ? quote.Bids[0].Quantity : 0m),
            ["a"] = BinanceJson.Dec(quote.Asks.Count > 0 ? quote.Asks[0].Price : 0m), ["A"] = BinanceJson.Dec(quote.Asks.Count > 0 ? quote.Asks[0].Quantity : 0m),
            ["o"] = BinanceJson.Dec(stats.Open), ["h"] = BinanceJson.Dec(stats.High), ["l"] = BinanceJson.Dec(stats.Low),
            ["v"] = BinanceJson.Dec(stats.Volume), ["q"] = BinanceJson.Dec(stats.QuoteVolume),
            ["O"] = stats.OpenTime.ToUnixTimeMilliseconds(), ["C"] = ms,
            ["F"] = stats.FirstId, ["L"] = stats.LastId, ["n"] = stats.Count,
        });
    }
}
