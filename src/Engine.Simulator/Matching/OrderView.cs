namespace Engine.Simulator.Matching;

/// <summary>Immutable snapshot of an order at the moment an event was produced.</summary>
public sealed record OrderView
{
    /// <summary>Engine-assigned id, unique per engine, numeric text.</summary>
    public required string OrderId { get; init; }

    /// <summary>Owning account.</summary>
    public required string AccountId { get; init; }

    /// <summary>Symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Execution style.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Position effect (futures).</summary>
    public PositionEffect Effect { get; init; }

    /// <summary>Limit price; 0 for market orders.</summary>
    public decimal Price { get; init; }

    /// <summary>Original quantity.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Filled quantity so far.</summary>
    public decimal Filled { get; init; }

    /// <summary>Quantity not filled.</summary>
    public decimal Remaining => Quantity - Filled;

    /// <summary>Volume-weighted fill price, 0 before the first fill.</summary>
    public decimal AveragePrice { get; init; }

    /// <summary>Status at snapshot time.</summary>
    public required SimOrderStatus Status { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time of the last change.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Client tag given at submission.</summary>
    public string? ClientTag { get; init; }
}
