using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Limits enforced with clock-aligned windows (<c>engine.simulator.binance.rate-limits</c>); defaults are Binance's.</summary>
public sealed record BinanceRateLimitOptions
{
    /// <summary>REQUEST_WEIGHT per minute per IP.</summary>
    [Range(1, int.MaxValue)]
    public int WeightPerMinute { get; init; } = 6000;

    /// <summary>ORDERS per 10 seconds per account.</summary>
    [Range(1, int.MaxValue)]
    public int OrdersPerTenSeconds { get; init; } = 50;

    /// <summary>ORDERS per UTC day per account.</summary>
    [Range(1, int.MaxValue)]
    public int OrdersPerDay { get; init; } = 160_000;

    /// <summary>Connection attempts per 5 minutes per IP; more are refused with HTTP 429.</summary>
    [Range(1, int.MaxValue)]
    public int ConnectionsPerFiveMinutes { get; init; } = 300;

    /// <summary>Weight charged for opening a connection.</summary>
    [Range(0, 1000)]
    public int ConnectWeight { get; init; } = 2;
}
