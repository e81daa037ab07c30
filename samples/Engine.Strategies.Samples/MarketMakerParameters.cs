using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Strategies.Samples;

/// <summary>
/// Parameters of <see cref="MarketMaker"/> (the <c>parameters</c> block of its strategy entry; kebab-case keys, unknown
/// keys fail). The maker quotes one bid and one ask on its first login around a mid price.
/// <para>
/// The mid: with a <see cref="Feed"/>, the mid of the feed's best bid and ask for <see cref="FeedSymbol"/> (the maker
/// requotes on every quote that moves its wanted prices past the threshold); until the feed's first quote arrives it is
/// <see cref="InitialMid"/> when positive, and without one the maker waits for that quote before quoting. Without a
/// feed it is derived from what the venue tells the strategy: it starts at <see cref="InitialMid"/> (a reference price
/// chosen by the operator) and moves to the price of every fill of the maker's own quotes on its symbol.
/// </para>
/// </summary>
public sealed record MarketMakerParameters : IValidatableOptions
{
    /// <summary>The instrument quoted, in the venue's spelling (<c>BTC/USDT</c>).</summary>
    [Required]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>
    /// The reference price the quotes centre on until the first fill (without a <see cref="Feed"/>) or the feed's first
    /// quote (with one) moves the mid; must be positive without a feed, zero with one means "wait for the feed".
    /// </summary>
    public decimal InitialMid { get; init; }

    /// <summary>The market-data feed (a name in <c>engine.feeds</c>) whose mid the quotes centre on; null: no feed, the mid follows the fills.</summary>
    public string? Feed { get; init; }

    /// <summary>The symbol on the feed, in that venue's spelling (<c>BTCUSDT</c> for <c>BTC/USDT</c> traded elsewhere); null: <see cref="Symbol"/>.</summary>
    public string? FeedSymbol { get; init; }

    /// <summary>Full width between bid and ask in basis points of the mid: bid = mid x (1 - spread/2), ask = mid x (1 + spread/2), then rounded outwards to the tick.</summary>
    public decimal SpreadBps { get; init; } = 10m;

    /// <summary>Quantity of each quote in base units, rounded down to the symbol's size tick; must be positive.</summary>
    public decimal OrderSize { get; init; }

    /// <summary>A working quote is replaced when its price is more than this many basis points away from the wanted price.</summary>
    public decimal RequoteThresholdBps { get; init; } = 2m;

    /// <summary>How often the maker re-checks its quotes (re-places missing ones, retries a failed symbol query).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest long inventory in base units: no bid is quoted whose fill would take the inventory above it.</summary>
    public decimal MaxLong { get; init; }

    /// <summary>Largest short inventory in base units (a positive number): no ask is quoted whose fill would take the inventory below minus this.</summary>
    public decimal MaxShort { get; init; }

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Feed is null && InitialMid <= 0m)
        {
            yield return $"initial-mid must be positive without a feed, got {InitialMid}";
        }

        if (Feed is not null && string.IsNullOrWhiteSpace(Feed))
        {
            yield return "feed must name a configured feed, got an empty name";
        }

        if (SpreadBps <= 0m || SpreadBps >= 10_000m)
        {
            yield return $"spread-bps must be between 0 and 10000 (exclusive), got {SpreadBps}";
        }

        if (OrderSize <= 0m)
        {
            yield return $"order-size must be positive, got {OrderSize}";
        }

        if (RequoteThresholdBps < 0m)
        {
            yield return $"requote-threshold-bps must not be negative, got {RequoteThresholdBps}";
        }

        if (RefreshInterval <= TimeSpan.Zero)
        {
            yield return $"refresh-interval must be positive, got {RefreshInterval}";
        }

        if (MaxLong < 0m || MaxShort < 0m)
        {
            yield return $"max-long and max-short are sizes and must not be negative, got {MaxLong} and {MaxShort}";
        }
    }
}
