namespace Engine.Messages.Orders;

#pragma warning disable CA1720 // "Long" and "Short" are the trading terms here, not the integer types.

/// <summary>Which leg of a futures position (venues that hold long and short separately).</summary>
public enum PositionSide
{
    /// <summary>The long leg.</summary>
    Long,

    /// <summary>The short leg.</summary>
    Short,
}
