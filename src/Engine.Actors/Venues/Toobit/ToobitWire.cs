using System.Collections.Immutable;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Toobit's wire shapes as the adapter reads them (reference §3–§4, §8). Ids are <c>long</c> (19 digits, above 2^53;
/// read from strings or numbers, never through <c>double</c>); decimals are <c>decimal</c>. Immutable.
/// </summary>
public static class ToobitWire
{
    /// <summary>A <c>{code,msg}</c> error body; <see cref="Code"/> as sent (string or number).</summary>
    public sealed record Error(string Code, string Message);

    /// <summary>An order object of the spot or futures endpoints.</summary>
    public sealed record Order(
        long OrderId,
        string ClientOrderId,
        string Symbol,
        string Side,
        string Type,
        string TimeInForce,
        string PriceType,
        decimal Price,
        decimal OrigQty,
        decimal ExecutedQty,
        string Status,
        long? Time,
        long? UpdateTime);

    /// <summary>One balance of <c>/api/v1/account</c> or of an account-info event.</summary>
    public sealed record Balance(string Asset, decimal Free, decimal Locked);

    /// <summary>One leg of a futures position (<c>/api/v1/futures/positions</c> or <c>outboundContractPositionInfo</c>).</summary>
    public sealed record PositionLeg(string Symbol, string Side, decimal Quantity, decimal Available, decimal AveragePrice, decimal UnrealisedPnl, decimal? Leverage);

    /// <summary>One symbol of <c>exchangeInfo</c> (spot <c>symbols</c> or futures <c>contracts</c>) with its filters.</summary>
    public sealed record SymbolInfo(
        string Symbol,
        string BaseAsset,
        string QuoteAsset,
        decimal TickSize,
        decimal StepSize,
        decimal? MinQty,
        decimal? MaxQty,
        decimal? MinNotional,
        decimal? ContractMultiplier,
        string? MarginToken);

    /// <summary>A rate limit of <c>exchangeInfo.rateLimits</c>: the window is <c>IntervalUnit × Interval</c>.</summary>
    public sealed record RateLimit(string Type, TimeSpan Window, int Limit);

    /// <summary>A stream event, dispatched on <c>e</c>.</summary>
    public abstract record Event(string Name, long? EventTime);

    /// <summary><c>executionReport</c> or <c>contractExecutionReport</c>.</summary>
    public sealed record ExecutionReport(
        string Name,
        long? EventTime,
        string Symbol,
        string ClientOrderId,
        string Side,
        string Type,
        string Status,
        long OrderId,
        decimal Quantity,
        decimal Price,
        decimal LastQuantity,
        decimal LastPrice,
        decimal CumulativeQuantity,
        decimal CumulativeQuote,
        decimal Commission,
        string CommissionAsset,
        bool IsMaker,
        long? UpdateTime) : Event(Name, EventTime);

    /// <summary><c>outboundAccountInfo</c> (spot) or <c>outboundContractAccountInfo</c> (futures): the changed assets.</summary>
    public sealed record AccountInfo(string Name, long? EventTime, ImmutableArray<Balance> Balances) : Event(Name, EventTime);

    /// <summary><c>outboundContractPositionInfo</c>: one leg.</summary>
    public sealed record PositionInfo(string Name, long? EventTime, PositionLeg Leg) : Event(Name, EventTime);

    /// <summary>Any other event (<c>ticketInfo</c>, unknown names): read but not mapped.</summary>
    public sealed record OtherEvent(string Name, long? EventTime) : Event(Name, EventTime);
}
