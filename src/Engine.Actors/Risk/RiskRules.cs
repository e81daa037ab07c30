namespace Engine.Actors.Risk;

/// <summary>The names of the pre-trade rules, as they appear in rejections, the journal and metrics.</summary>
public static class RiskRules
{
    /// <summary>
    /// The risk engine has not sent the book its limits yet: an order checked before (the book holds them until then) is
    /// refused, never sent unchecked.
    /// </summary>
    public const string NotReady = "risk-not-ready";

    /// <summary>The scope is halted.</summary>
    public const string Halted = "trading-state";

    /// <summary>The scope is reducing and the order does not reduce the position.</summary>
    public const string ReduceOnly = "reduce-only";

    /// <summary><see cref="RiskLimits.MaxOrderQuantity"/>.</summary>
    public const string MaxOrderQuantity = "max-order-quantity";

    /// <summary><see cref="RiskLimits.MaxOrderNotional"/>.</summary>
    public const string MaxOrderNotional = "max-order-notional";

    /// <summary><see cref="RiskLimits.PriceBand"/>.</summary>
    public const string PriceBand = "price-band";

    /// <summary><see cref="RiskLimits.MaxOpenOrders"/>.</summary>
    public const string MaxOpenOrders = "max-open-orders";

    /// <summary><see cref="RiskLimits.MaxOrders"/> within <see cref="RiskLimits.RateWindow"/>.</summary>
    public const string MaxOrderRate = "max-order-rate";

    /// <summary><see cref="RiskLimits.MaxNetPosition"/>.</summary>
    public const string MaxNetPosition = "max-net-position";

    /// <summary><see cref="RiskLimits.MaxDailyLoss"/>.</summary>
    public const string MaxDailyLoss = "max-daily-loss";
}
