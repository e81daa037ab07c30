namespace Engine.Simulator.Matching;

/// <summary>One execution of one order. <see cref="FillId"/> is unique per engine.</summary>
public sealed record Fill
{
    /// <summary>Unique fill id (numeric text).</summary>
    public required string FillId { get; init; }

    /// <summary>Order that was filled.</summary>
    public required string OrderId { get; init; }

    /// <summary>Owning account.</summary>
    public required string AccountId { get; init; }

    /// <summary>Symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>Side of the filled order.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Execution price.</summary>
    public required decimal Price { get; init; }

    /// <summary>Quantity of this fill only.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Maker or taker.</summary>
    public required Liquidity Liquidity { get; init; }

    /// <summary>Fee charged (negative for a rebate).</summary>
    public required decimal Fee { get; init; }

    /// <summary>Asset the fee was charged in.</summary>
    public required string FeeAsset { get; init; }

    /// <summary>Execution time.</summary>
    public required DateTimeOffset At { get; init; }
}
