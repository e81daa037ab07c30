namespace Engine.Simulator.Matching;

/// <summary>Life-cycle state of a simulated order. Terminal states are Filled and Canceled.</summary>
public enum SimOrderStatus
{
    /// <summary>Accepted, nothing filled, resting or about to match.</summary>
    New,

    /// <summary>Some quantity filled, the rest open.</summary>
    PartiallyFilled,

    /// <summary>Fully filled; terminal.</summary>
    Filled,

    /// <summary>Canceled by the owner, or an IOC/market remainder; terminal (may carry a partial fill).</summary>
    Canceled,
}
