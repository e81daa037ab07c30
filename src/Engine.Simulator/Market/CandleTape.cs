namespace Engine.Simulator.Market;

/// <summary>
/// Candles of each symbol and interval, fed with every mid and trade price: the current candle opens at the first
/// price of its interval (aligned to the Unix epoch), tracks high, low, close and traded volume, and is replaced when
/// a price arrives in a later interval. Not thread-safe: the venue calls it under its lock.
/// </summary>
public sealed class CandleTape
{
    private readonly Dictionary<(string Symbol, TimeSpan Interval), Candle> _candles = [];

    /// <summary>
    /// Folds a price (and traded <paramref name="volume"/>, zero for a mid move) into the symbol's candle of
    /// <paramref name="interval"/>; returns the current candle, and the previous one when this price closed it.
    /// </summary>
    public (Candle Current, Candle? Closed) Add(string symbol, TimeSpan interval, decimal price, decimal volume, DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var open = new DateTimeOffset(at.UtcTicks - (ticks % interval.Ticks), TimeSpan.Zero);
        var key = (symbol, interval);
        Candle? closed = null;
        if (!_candles.TryGetValue(key, out var candle) || candle.OpenTime != open)
        {
            closed = candle;
            candle = new Candle(open, open + interval - TimeSpan.FromMilliseconds(1), price, price, price, price, 0m, 0);
        }

        candle = candle with
        {
            High = Math.Max(candle.High, price),
            Low = Math.Min(candle.Low, price),
            Close = price,
            Volume = candle.Volume + volume,
            Trades = candle.Trades + (volume > 0m ? 1 : 0),
        };
        _candles[key] = candle;
        return (candle, closed);
    }

    /// <summary>One candle.</summary>
    public sealed record Candle(DateTimeOffset OpenTime, DateTimeOffset CloseTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long Trades);
}
