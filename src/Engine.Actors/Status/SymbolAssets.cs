using Engine.Messages.Identifiers;

namespace Engine.Actors.Status;

/// <summary>
/// Base and quote assets of a symbol, read from its spelling: <c>BTC/USDT</c>, <c>BTC-USDT</c>, <c>BTC_USDT</c>, or
/// a concatenation ending in a common quote asset (<c>BTCUSDT</c>). Futures contracts (<c>BTC200925</c>,
/// <c>ETH-PERP</c>) have no spot quote asset; their base is the part before the separator or digits. Pure.
/// </summary>
public static class SymbolAssets
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    private static readonly string[] CommonQuotes = ["USDT", "USDC", "BUSD", "FDUSD", "TUSD", "USD", "BTC", "ETH", "BNB", "EUR"];

    /// <summary>The (base, quote) assets; quote is null when the symbol does not name one.</summary>
    public static (string Base, string? Quote) Of(Symbol symbol)
    {
        var text = symbol.Value ?? string.Empty;
        var separator = text.IndexOfAny(['/', '-', '_']);
        if (separator > 0)
        {
            var quote = text[(separator + 1)..];
            return (text[..separator], quote.Length > 0 && quote.All(char.IsAsciiLetter) && quote != "PERP" ? quote : null);
        }

        foreach (var quote in CommonQuotes)
        {
            if (text.Length > quote.Length && text.EndsWith(quote, StringComparison.Ordinal))
            {
                return (text[..^quote.Length], quote);
            }
        }

        var digits = text.AsSpan().IndexOfAny(Digits);
        return (digits > 0 ? text[..digits] : text, null);
    }
}
