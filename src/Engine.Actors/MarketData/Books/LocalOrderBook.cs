using System.Collections.Immutable;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Books;

/// <summary>
/// An L2 book of absolute quantities per price: <see cref="Apply"/> sets a level, a zero quantity removes it
/// (removing an unknown level is normal). Bids iterate best (highest) first, asks best (lowest) first. The book itself
/// does not sequence updates: its owner (a venue's synchronizer) decides what may be applied. Not thread-safe.
/// </summary>
public sealed class LocalOrderBook
{
    private readonly SortedDictionary<decimal, decimal> _bids = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<decimal, decimal> _asks = new();

    /// <summary>Number of bid levels.</summary>
    public int BidCount => _bids.Count;

    /// <summary>Number of ask levels.</summary>
    public int AskCount => _asks.Count;

    /// <summary>Best bid, or null when there is none.</summary>
    public BookLevel? BestBid => _bids.Count == 0 ? null : First(_bids);

    /// <summary>Best ask, or null when there is none.</summary>
    public BookLevel? BestAsk => _asks.Count == 0 ? null : First(_asks);

    /// <summary>True when the best bid is at or above the best ask (a correctly sequenced venue book never is).</summary>
    public bool IsCrossed => BestBid is { } bid && BestAsk is { } ask && bid.Price >= ask.Price;

    /// <summary>Replaces the whole book.</summary>
    public void Reset(IEnumerable<BookLevel> bids, IEnumerable<BookLevel> asks)
    {
        _bids.Clear();
        _asks.Clear();
        Apply(bids, asks);
    }

    /// <summary>Empties the book.</summary>
    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
    }

    /// <summary>Applies absolute level quantities in order; zero (or less) removes the level.</summary>
    public void Apply(IEnumerable<BookLevel> bids, IEnumerable<BookLevel> asks)
    {
        Set(_bids, bids);
        Set(_asks, asks);
    }

    /// <summary>Quantity at a bid price, or zero.</summary>
    public decimal BidAt(decimal price) => _bids.GetValueOrDefault(price);

    /// <summary>Quantity at an ask price, or zero.</summary>
    public decimal AskAt(decimal price) => _asks.GetValueOrDefault(price);

    /// <summary>Up to <paramref name="depth"/> bid levels, best first (all when <paramref name="depth"/> is zero or less).</summary>
    public ImmutableArray<BookLevel> Bids(int depth = 0) => Take(_bids, depth);

    /// <summary>Up to <paramref name="depth"/> ask levels, best first (all when <paramref name="depth"/> is zero or less).</summary>
    public ImmutableArray<BookLevel> Asks(int depth = 0) => Take(_asks, depth);

    private static void Set(SortedDictionary<decimal, decimal> side, IEnumerable<BookLevel> levels)
    {
        foreach (var level in levels)
        {
            if (level.Quantity <= 0m)
            {
                side.Remove(level.Price);
            }
            else
            {
                side[level.Price] = level.Quantity;
            }
        }
    }

    private static BookLevel First(SortedDictionary<decimal, decimal> side)
    {
        foreach (var (price, quantity) in side)
        {
            return new BookLevel(price, quantity);
        }

        throw new InvalidOperationException("empty side");
    }

    private static ImmutableArray<BookLevel> Take(SortedDictionary<decimal, decimal> side, int depth)
    {
        var count = depth <= 0 ? side.Count : Math.Min(depth, side.Count);
        var builder = ImmutableArray.CreateBuilder<BookLevel>(count);
        foreach (var (price, quantity) in side)
        {
            if (builder.Count == count)
            {
                break;
            }

            builder.Add(new BookLevel(price, quantity));
        }

        return builder.MoveToImmutable();
    }
}
