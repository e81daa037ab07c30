using System.Text.RegularExpressions;

namespace Engine.Simulator.Market;

/// <summary>
/// The underlying a venue symbol prices, as <c>BASE/QUOTE</c> with the dollar stablecoins folded into <c>USD</c> and
/// wrapped tokens into what they wrap: Binance and Toobit <c>BTCUSDT</c>, the quant gateway's <c>BTC/USDT</c> and
/// <c>BTC201225</c>, Toobit's <c>BTC-SWAP-USDT</c> are all <c>BTC/USD</c>; DBot's <c>WETH</c> (a USD price) is
/// <c>ETH/USD</c>. The simulated market has no basis between spot, perpetuals and dated futures. Pure and thread-safe.
/// </summary>
public static partial class Underlying
{
    private static readonly string[] Quotes = ["USDT", "USDC", "BUSD", "USD", "BTC", "ETH", "BNB"];

    private static readonly Dictionary<string, string> Wrapped = new(StringComparer.Ordinal)
    {
        ["WETH"] = "ETH",
        ["WBTC"] = "BTC",
        ["WBNB"] = "BNB",
        ["WSOL"] = "SOL",
    };

    /// <summary>The underlying of <paramref name="symbol"/>; a bare token name is its USD price.</summary>
    public static string Of(string symbol)
    {
        var s = symbol.Trim().ToUpperInvariant();
        var (baseAsset, quote) = Split(s);
        return $"{(Wrapped.TryGetValue(baseAsset, out var inner) ? inner : baseAsset)}/{(quote is "USDT" or "USDC" or "BUSD" ? "USD" : quote)}";
    }

    private static (string Base, string Quote) Split(string s)
    {
        if (Wrapped.ContainsKey(s))
        {
            return (s, "USD");
        }

        if (s.Split('/') is [var b1, var q1])
        {
            return (b1, q1);
        }

        if (s.Split('-') is [var b2, "SWAP", var q2])
        {
            return (b2, q2);
        }

        if (s.Split('-') is [var b3, var q3])
        {
            return (b3, q3);
        }

        if (DatedFuture().Match(s) is { Success: true } future)
        {
            return (future.Groups[1].Value, "USD");
        }

        foreach (var quote in Quotes)
        {
            if (s.Length > quote.Length && s.EndsWith(quote, StringComparison.Ordinal))
            {
                return (s[..^quote.Length], quote);
            }
        }

        return (s, "USD");
    }

    [GeneratedRegex("^([A-Z]+)[0-9]{6}$")]
    private static partial Regex DatedFuture();
}
