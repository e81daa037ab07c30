namespace Engine.Simulator.Accounts;

/// <summary>One side of a futures position. Invariants: Quantity ≥ PendingClose ≥ 0; Margin is 0 when flat.</summary>
internal sealed class PositionLeg
{
    public decimal Quantity { get; set; }

    public decimal AveragePrice { get; set; }

    public decimal Margin { get; set; }

    public decimal PendingClose { get; set; }
}
