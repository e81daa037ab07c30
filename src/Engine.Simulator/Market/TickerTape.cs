namespace Engine.Simulator.Market;

/// <summary>
/// Rolling 24 h trade statistics per symbol, as Binance's <c>@ticker</c> and <c>@miniTicker</c> streams publish them:
/// open (first trade price in the window), high, low, last, base and quote volume, trade count, first and last trade
/// id. Trades older than the window drop out as time passes. Not thread-safe: the venue calls it under its lock.
/// </summary>
public sealed class TickerTape
{
    /// <summary>The window Binance's 24 h tickers cover.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly Dictionary<string, Queue<Trade>> _trades = new(StringComparer.Ordinal);

    /// <summary>Counts one trade of <paramref name="symbol"/>.</summary>
    public void Add(string symbol, long id, decimal price, decimal quantity, DateTimeOffset at)
    {
        if (!_trades.TryGetValue(symbol, out var trades))
        {
            _trades[symbol] = trades = new Queue<Trade>();
        }

        trades.Enqueue(new Trade(id, price, quantity, at));
    }

    /// <summary>The symbol's statistics over the 24 h before <paramref name="now"/>; null when it had no trade in that window.</summary>
    public Stats? Of(string symbol, DateTimeOffset now)
    {
        if (!_trades.TryGetValue(symbol, out var trades))
        {
            return null;
        }

        while (trades.Count > 0 && trades.Peek().At <= now - Window)
        {
            trades.Dequeue();
        }

        if (trades.Count == 0)
        {
            return null;
        }

        var first = trades.Peek();
        var last = trades.Last();
        decimal high = first.Price, low = first.Price, volume = 0m, quoteVolume = 0m;
        foreach (var t in trades)
        {
            high = Math.Max(high, t.Price);
            low = Math.Min(low, t.Price);
            volume += t.Quantity;
            quoteVolume += t.Price * t.Quantity;
        }

        return new Stats(now - Window, now, first.Price, high, low, last.Price, last.Quantity, volume, quoteVolume, trades.Count, first.Id, last.Id);
    }

    /// <summary>One symbol's window.</summary>
    public sealed record Stats(
        DateTimeOffset OpenTime,
        DateTimeOffset CloseTime,
        decimal Open,
        decimal High,
        decimal Low,
        decimal Last,
        decimal LastQuantity,
        decimal Volume,
        decimal QuoteVolume,
        long Count,
        long FirstId,
        long LastId)
    {
        /// <summary>Volume-weighted average price (the last price when nothing traded in size).</summary>
        public decimal WeightedAverage => Volume > 0m ? QuoteVolume / Volume : Last;
    }

    private sealed record Trade(long Id, decimal Price, decimal Quantity, DateTimeOffset At);
}
