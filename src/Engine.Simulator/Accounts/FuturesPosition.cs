namespace Engine.Simulator.Accounts;

/// <summary>Mutable two-leg position state owned by the matching engine.</summary>
internal sealed class FuturesPosition
{
    public PositionLeg Long { get; } = new();

    public PositionLeg Short { get; } = new();

    public decimal RealisedPnl { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
