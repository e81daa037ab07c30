using System.ComponentModel.DataAnnotations;

namespace Engine.Actors.Risk;

/// <summary>
/// The pre-trade limits of one scope (an item of <c>engine.risk.logins</c>, <c>strategies</c> or <c>symbols</c>). Every
/// limit is optional: an unset one is not checked. Net position, open orders, order rate and daily loss count the
/// orders of the scope within one login's book (a strategy trading two logins has its limits applied per login).
/// Immutable; validated when bound.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>The login, strategy or symbol the limits apply to.</summary>
    [Required]
    public string Name { get; init; } = string.Empty;

    /// <summary>Largest quantity of one order.</summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal? MaxOrderQuantity { get; init; }

    /// <summary>Largest notional of one order: quantity times its limit price (the mark for a market order).</summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal? MaxOrderNotional { get; init; }

    /// <summary>
    /// Largest absolute net position in the order's symbol the order could lead to: the filled position plus the working
    /// orders on the order's side plus the order.
    /// </summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal? MaxNetPosition { get; init; }

    /// <summary>Most working orders at once, the new one included.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxOpenOrders { get; init; }

    /// <summary>Most orders let through within <see cref="RateWindow"/>, the new one included.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxOrders { get; init; }

    /// <summary>The sliding window of <see cref="MaxOrders"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fat-finger guard: the largest distance of a limit price from the mark, as a fraction of the mark (0.05 = ±5%).
    /// Not checked while the symbol has no mark yet.
    /// </summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal? PriceBand { get; init; }

    /// <summary>
    /// Largest loss of the UTC day (realised plus unrealised at the mark, fees excluded), as a positive number. Reaching
    /// it refuses new orders and halts the scope.
    /// </summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal? MaxDailyLoss { get; init; }
}
