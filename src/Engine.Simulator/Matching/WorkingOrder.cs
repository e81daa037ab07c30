namespace Engine.Simulator.Matching;

/// <summary>
/// Mutable state of a live order inside the engine. Invariants: 0 ≤ Filled ≤ Quantity; Reserved ≥ 0 is the
/// amount of <see cref="ReservedAsset"/> still locked for the unfilled part and is released in proportion
/// to each fill and in full when the order ends.
/// </summary>
internal sealed class WorkingOrder
{
    public required string OrderId { get; init; }

    public required string AccountId { get; init; }

    public required SymbolRules Rules { get; init; }

    public required OrderSide Side { get; init; }

    public required OrderType Type { get; init; }

    public required PositionEffect Effect { get; init; }

    public required decimal Price { get; init; }

    public required decimal Quantity { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? ClientTag { get; init; }

    public required string ReservedAsset { get; init; }

    public decimal Reserved { get; set; }

    public decimal Filled { get; set; }

    public decimal FilledNotional { get; set; }

    public SimOrderStatus Status { get; set; } = SimOrderStatus.New;

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Remaining => Quantity - Filled;

    public bool IsTerminal => Status is SimOrderStatus.Filled or SimOrderStatus.Canceled;

    public OrderView ToView() => new()
    {
        OrderId = OrderId,
        AccountId = AccountId,
        Symbol = Rules.Symbol,
        Side = Side,
        Type = Type,
        Effect = Effect,
        Price = Type == OrderType.Market ? 0m : Price,
        Quantity = Quantity,
        Filled = Filled,
        AveragePrice = Filled == 0m ? 0m : FilledNotional / Filled,
        Status = Status,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        ClientTag = ClientTag,
    };
}
