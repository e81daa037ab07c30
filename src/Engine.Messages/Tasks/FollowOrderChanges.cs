using System.Collections.Immutable;

namespace Engine.Messages.Tasks;

/// <summary>
/// What an edit changes in a follow order; everything else keeps its current value. The engine reads the whole task
/// from the venue, applies these changes and sends the whole object back (the venue resets every field an edit leaves
/// out). Null members are left as they are.
/// </summary>
public sealed record FollowOrderChanges
{
    /// <summary>A new unique name.</summary>
    public string? Name { get; init; }

    /// <summary>A new wallet id.</summary>
    public string? WalletId { get; init; }

    /// <summary>New leader addresses (1 to 10).</summary>
    public ImmutableArray<string>? TargetIds { get; init; }

    /// <summary>A new maximum native amount per copied buy.</summary>
    public decimal? MaxBuyAmountUI { get; init; }

    /// <summary>Other fields by path (<c>buySettings.maxSlippage</c>, <c>sellSettings.stopEarnPercent</c>, <c>tokenBlacklist</c>) with raw JSON values.</summary>
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
}
