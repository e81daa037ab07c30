namespace Engine.Actors.Budget;

/// <summary>What a rate window counts.</summary>
public enum RateUnit
{
    /// <summary>The request's weight (Binance REQUEST_WEIGHT).</summary>
    Weight,

    /// <summary>One per request, whatever its weight (quant gateway "N requests per window").</summary>
    Requests,

    /// <summary>One per order placement; cancels and queries do not count (Binance ORDERS).</summary>
    Orders,
}
