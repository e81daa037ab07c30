namespace Engine.Simulator.Venues.Binance;

/// <summary>Limits of the market-data streams (market-data reference §1.3), fixed at Binance's values.</summary>
internal static class BinanceStreamsLimits
{
    /// <summary>Incoming messages per second per connection; over it the socket is closed.</summary>
    public const int IncomingPerSecond = 5;

    /// <summary>Streams per connection.</summary>
    public const int MaxStreams = 1024;

    /// <summary>Levels a REST depth snapshot may ask for.</summary>
    public const int MaxDepthLimit = 5000;

    /// <summary>Cadence of <c>@ticker</c> and <c>@miniTicker</c>.</summary>
    public static readonly TimeSpan TickerInterval = TimeSpan.FromSeconds(1);
}
