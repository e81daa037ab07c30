using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>Behaviour of the Toobit REST and user-stream simulator (<c>engine.simulator.toobit</c>). Immutable.</summary>
public sealed record ToobitOptions
{
    /// <summary>Largest accepted <c>recvWindow</c> in ms (docs: 60000; their own examples use more); above it: -1130.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRecvWindow { get; init; } = 60_000;

    /// <summary>REQUEST_WEIGHT per minute per IP, published in <c>exchangeInfo.rateLimits</c>.</summary>
    [Range(1, 1_000_000)]
    public int RequestWeightPerMinute { get; init; } = 3000;

    /// <summary>ORDERS per <see cref="OrderIntervalSeconds"/> per account.</summary>
    [Range(1, 1_000_000)]
    public int OrdersPerInterval { get; init; } = 60;

    /// <summary>Window of the ORDERS limit, in seconds (<c>intervalUnit</c> with <c>interval: SECOND</c>).</summary>
    [Range(1, 86_400)]
    public int OrderIntervalSeconds { get; init; } = 60;

    /// <summary>After this many requests refused with 429 inside one window, the IP is banned with 418 (0 = never send 418).</summary>
    [Range(0, 1_000)]
    public int BanAfterRepeatedLimits { get; init; }

    /// <summary>Length of a 418 ban.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Lifetime of a listen key after its last POST or PUT (docs: 60 minutes).</summary>
    public TimeSpan ListenKeyLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>A stream with no client ping this long is dropped (docs: 5 minutes).</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A quote WebSocket that sends nothing (not even a ping) this long is closed (docs: 5 minutes; a probe saw 60 s).</summary>
    public TimeSpan QuoteIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A stream is closed at this age (docs: 24 h).</summary>
    public TimeSpan StreamMaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Incoming stream messages allowed per second per connection (docs: 5); one more closes it.</summary>
    [Range(1, 10_000)]
    public int StreamMessagesPerSecond { get; init; } = 5;

    /// <summary>Refuse spot <c>timeInForce</c> other than GTC with -1115 (what the -1115 text of the docs says).</summary>
    public bool RejectNonGtcSpot { get; init; }

    /// <summary>Also accept the <c>jsonBody + query</c> signature that ccxt's batch path produces.</summary>
    public bool AcceptJsonBodySignature { get; init; } = true;

    /// <summary>First order id issued (19 digits, above 2^53, as live ids are); trade ids start at the same value.</summary>
    [Range(1, long.MaxValue / 2)]
    public long FirstOrderId { get; init; } = 2_037_173_542_953_448_448;
}
