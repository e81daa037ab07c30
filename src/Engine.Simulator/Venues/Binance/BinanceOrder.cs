namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Binance-side view of one order: the fields the matching engine does not keep (client id, type and time in
/// force as sent, quote quantities, Binance status). Mutated only under the simulator's lock.
/// </summary>
internal sealed class BinanceOrder
{
    public required long OrderId { get; init; }

    public required string EngineOrderId { get; init; }

    public required string AccountId { get; init; }

    public required string Symbol { get; init; }

    public required string Side { get; init; }

    /// <summary><c>LIMIT</c>, <c>MARKET</c> or <c>LIMIT_MAKER</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>GTC</c>, <c>IOC</c> (LIMIT) or <c>GTC</c> (MARKET, LIMIT_MAKER, as Binance reports them).</summary>
    public required string TimeInForce { get; init; }

    public required decimal Price { get; init; }

    public required decimal OrigQty { get; init; }

    public decimal OrigQuoteOrderQty { get; init; }

    public required DateTimeOffset Time { get; init; }

    public string ClientOrderId { get; set; } = string.Empty;

    /// <summary>Client id of the cancel request in flight (becomes <see cref="ClientOrderId"/> on CANCELED).</summary>
    public string? CancelClientOrderId { get; set; }

    /// <summary>Client id before the cancel, reported as <c>origClientOrderId</c> / <c>C</c>.</summary>
    public string? OrigClientOrderId { get; set; }

    public decimal ExecutedQty { get; set; }

    public decimal CumulativeQuoteQty { get; set; }

    /// <summary><c>NEW</c>, <c>PARTIALLY_FILLED</c>, <c>FILLED</c>, <c>CANCELED</c> or <c>EXPIRED</c>.</summary>
    public string Status { get; set; } = "NEW";

    public DateTimeOffset UpdateTime { get; set; }

    /// <summary>Set once the order rested on the book.</summary>
    public DateTimeOffset? WorkingTime { get; set; }

    public string? ExpiryReason { get; set; }

    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";

    /// <summary>An independent copy, for rendering an event after later changes.</summary>
    public BinanceOrder Snapshot() => (BinanceOrder)MemberwiseClone();
}
