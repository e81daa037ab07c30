namespace Engine.Messages.Tasks;

/// <summary>
/// What an update changes in one limit order (DBot <c>updateLimitOrder</c>, which takes the fields it changes); null
/// members are left as they are. At least one member must be set.
/// </summary>
public sealed record LimitOrderChanges
{
    /// <summary>Arm or disarm it.</summary>
    public bool? Enabled { get; init; }

    /// <summary>A new trigger price in USD; positive.</summary>
    public decimal? TriggerPriceUsd { get; init; }

    /// <summary>A new direction: <c>up</c> or <c>down</c>.</summary>
    public string? TriggerDirection { get; init; }

    /// <summary>A new amount (native UI units for a buy, a fraction of the holding for a sell); positive.</summary>
    public decimal? CurrencyAmountUI { get; init; }

    /// <summary>A new group id.</summary>
    public string? GroupId { get; init; }
}
