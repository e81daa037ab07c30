using Engine.Simulator.Matching;

namespace Engine.Simulator.Market;

/// <summary>
/// The public book of each symbol as the market-data streams publish it: the synthetic market's levels, a contiguous
/// update id per symbol, and the diff between successive books. A snapshot and the diffs are cut from the same state,
/// so <c>lastUpdateId</c> of a snapshot always joins the diff stream. Each changed level consumes one update id, as
/// on Binance (<c>U</c> is the previous <c>u</c> + 1). Not thread-safe: the venue calls it under its lock.
/// </summary>
public sealed class DepthTape(long firstUpdateId = 1_000_000)
{
    private readonly Dictionary<string, Book> _books = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="quote"/> as the symbol's book; returns the change, or null when nothing changed.</summary>
    public DepthChange? Advance(MarketQuote quote)
    {
        if (!_books.TryGetValue(quote.Symbol, out var book))
        {
            book = new Book(firstUpdateId);
            _books[quote.Symbol] = book;
        }

        var bids = Diff(book.Bids, quote.Bids);
        var asks = Diff(book.Asks, quote.Asks);
        if (bids.Count + asks.Count == 0)
        {
            return null;
        }

        var first = book.UpdateId + 1;
        book.UpdateId += bids.Count + asks.Count;
        return new DepthChange(quote.Symbol, first, book.UpdateId, bids, asks);
    }

    /// <summary>Update id of the symbol's book (0 when it never published).</summary>
    public long UpdateId(string symbol) => _books.TryGetValue(symbol, out var b) ? b.UpdateId : 0;

    /// <summary>Up to <paramref name="limit"/> levels per side, best first, with the book's update id; null for a symbol never published.</summary>
    public (long LastUpdateId, IReadOnlyList<PriceLevel> Bids, IReadOnlyList<PriceLevel> Asks)? Snapshot(string symbol, int limit)
    {
        if (!_books.TryGetValue(symbol, out var book))
        {
            return null;
        }

        return (book.UpdateId,
            [.. book.Bids.OrderByDescending(l => l.Key).Take(limit).Select(l => new PriceLevel(l.Key, l.Value))],
            [.. book.Asks.OrderBy(l => l.Key).Take(limit).Select(l => new PriceLevel(l.Key, l.Value))]);
    }

    private static List<PriceLevel> Diff(Dictionary<decimal, decimal> current, IReadOnlyList<PriceLevel> next)
    {
        var changes = new List<PriceLevel>();
        var seen = new HashSet<decimal>();
        foreach (var level in next)
        {
            seen.Add(level.Price);
            if (!current.TryGetValue(level.Price, out var quantity) || quantity != level.Quantity)
            {
                current[level.Price] = level.Quantity;
                changes.Add(level);
            }
        }

        foreach (var gone in current.Keys.Where(p => !seen.Contains(p)).ToList())
        {
            current.Remove(gone);
            changes.Add(new PriceLevel(gone, 0m));
        }

        return changes;
    }

    private sealed class Book(long updateId)
    {
        public long UpdateId { get; set; } = updateId;

        public Dictionary<decimal, decimal> Bids { get; } = [];

        public Dictionary<decimal, decimal> Asks { get; } = [];
    }
}
