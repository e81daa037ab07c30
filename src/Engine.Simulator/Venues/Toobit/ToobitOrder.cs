using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// What the venue keeps about one order beyond the matching engine's view: the wire fields as sent (a spot MARKET
/// BUY's quote amount, the futures side name, price type) and the running quote total. Read and written under the
/// simulator's lock.
/// </summary>
internal sealed class ToobitOrder
{
    public required long OrderId { get; init; }

    public required string AccountId { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Symbol { get; init; }

    public required bool Futures { get; init; }

    /// <summary>The side as sent: BUY/SELL (spot) or BUY_OPEN/SELL_OPEN/BUY_CLOSE/SELL_CLOSE (futures).</summary>
    public required string Side { get; init; }

    /// <summary>LIMIT, MARKET or LIMIT_MAKER (spot); LIMIT (futures).</summary>
    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    /// <summary>INPUT or MARKET.</summary>
    public string PriceType { get; init; } = "INPUT";

    /// <summary>The price as reported (0 for a spot market order; the protective price of a futures market order).</summary>
    public required decimal Price { get; init; }

    /// <summary>The quantity in the unit that was sent (quote amount for a spot MARKET BUY).</summary>
    public required decimal OrigQty { get; init; }

    public int Leverage { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Latest view from the matching engine; null for an order that expired before reaching it (FOK).</summary>
    public OrderView? View { get; set; }

    public decimal ExecutedQty { get; set; }

    public decimal CumulativeQuote { get; set; }

    /// <summary>PENDING_NEW until the first push, then NEW, PARTIALLY_FILLED, FILLED or CANCELED.</summary>
    public string Status { get; set; } = "PENDING_NEW";

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status is "PENDING_NEW" or "NEW" or "PARTIALLY_FILLED";

    public decimal AveragePrice => ExecutedQty == 0m ? 0m : CumulativeQuote / ExecutedQty;
}
