namespace Engine.Actors.Budget;

/// <summary>What one request consumes: its weight, and one order if it places an order.</summary>
/// <param name="Weight">Weight in the venue's units; at least 1.</param>
/// <param name="IsOrder">True for an order placement (counted by <see cref="RateUnit.Orders"/> windows).</param>
public readonly record struct RateCost(int Weight, bool IsOrder)
{
    /// <summary>A query or a cancel of the given weight.</summary>
    public static RateCost Request(int weight = 1) => new(weight, false);

    /// <summary>An order placement of the given weight.</summary>
    public static RateCost Order(int weight = 1) => new(weight, true);

    /// <summary>How much of a window of <paramref name="unit"/> this request uses.</summary>
    public int UnitsOf(RateUnit unit) => unit switch
    {
        RateUnit.Weight => Weight,
        RateUnit.Requests => 1,
        RateUnit.Orders => IsOrder ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown rate unit"),
    };
}
