using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Behaviour of the Binance Spot WebSocket API simulator (<c>engine.simulator.binance</c>).</summary>
public sealed record BinanceOptions
{
    /// <summary>Interval of server WebSocket ping frames (Binance: 20 s); zero disables them.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The connection is dropped when no pong arrives this long after a ping (Binance: 1 minute); zero = never.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Connections are closed after this age (Binance: 24 h), measured on the simulator's TimeProvider.</summary>
    public TimeSpan MaxConnectionAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Also accept signatures over <c>encodeURIComponent</c>-encoded values (what the JavaScript clients sign); off = raw values only, as Binance documents.</summary>
    public bool AcceptPercentEncodedSignatures { get; init; }

    /// <summary>Length of the IP ban (418) after a request is sent again while a 429 is in force (Binance: 2 minutes to 3 days).</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Request and order limits.</summary>
    public BinanceRateLimitOptions RateLimits { get; init; } = new();

    /// <summary>First order id issued; trade ids start at the same value.</summary>
    [Range(1, long.MaxValue / 2)]
    public long FirstOrderId { get; init; } = 1000;
}
