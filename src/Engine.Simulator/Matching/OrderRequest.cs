namespace Engine.Simulator.Matching;

/// <summary>An order as the venue layer hands it to the engine, already parsed into typed values.</summary>
public sealed record OrderRequest
{
    /// <summary>Owning account id.</summary>
    public required string AccountId { get; init; }

    /// <summary>Symbol as listed in the engine.</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Execution style.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Limit price; ignored for market orders.</summary>
    public decimal Price { get; init; }

    /// <summary>Positive quantity in base units (spot) or contracts (futures).</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Position effect for futures; ignored on spot.</summary>
    public PositionEffect Effect { get; init; } = PositionEffect.Net;

    /// <summary>Optional client tag carried through to the order view.</summary>
    public string? ClientTag { get; init; }
}
