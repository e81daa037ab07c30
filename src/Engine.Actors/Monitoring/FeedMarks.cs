using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.Monitoring;

/// <summary>
/// The latest quote mid and trade price of every feed symbol the status board hears, and the mark of a traded symbol:
/// a position on <c>BTC/USDT</c> (the quant gateway) is marked by a feed's <c>BTCUSDT</c> (Binance), because both name
/// the same base and quote assets (<see cref="SymbolAssets"/>). When several feeds carry the pair, the first one heard
/// marks it. Pure; mutable and not thread-safe (one owner).
/// </summary>
public sealed class FeedMarks
{
    private readonly Dictionary<(FeedId Feed, Symbol Symbol), FeedMark> _marks = [];
    private readonly List<(FeedId Feed, Symbol Symbol)> _order = [];

    /// <summary>Every feed symbol heard, in first-heard order.</summary>
    public IEnumerable<FeedMark> All => _order.Select(k => _marks[k]);

    /// <summary>Folds in a quote (its mid, when the book is not empty or crossed) or a trade; other events are ignored.</summary>
    public void Apply(IMarketDataEvent marketEvent)
    {
        switch (marketEvent)
        {
            case QuoteTick q when q.BidPrice > 0m && q.AskPrice >= q.BidPrice:
                Update(q.Feed, q.Symbol, m => m with { Mid = q.Mid });
                break;
            case TradeTick t when t.Price > 0m:
                Update(t.Feed, t.Symbol, m => m with { Last = t.Price });
                break;
        }
    }

    /// <summary>The mark of <paramref name="traded"/> (a venue symbol, any spelling); null when no feed carries its pair.</summary>
    public FeedMark? For(Symbol traded)
    {
        var (baseAsset, quote) = SymbolAssets.Of(traded);
        if (quote is null)
        {
            return null;
        }

        foreach (var key in _order)
        {
            var (b, q) = SymbolAssets.Of(key.Symbol);
            if (string.Equals(b, baseAsset, StringComparison.OrdinalIgnoreCase) && string.Equals(q, quote, StringComparison.OrdinalIgnoreCase))
            {
                return _marks[key];
            }
        }

        return null;
    }

    private void Update(FeedId feed, Symbol symbol, Func<FeedMark, FeedMark> change)
    {
        var key = (feed, symbol);
        if (!_marks.TryGetValue(key, out var mark))
        {
            mark = new FeedMark(feed, symbol, null, null);
            _order.Add(key);
        }

        _marks[key] = change(mark);
    }
}
