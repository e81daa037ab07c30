using System.Collections.Immutable;

namespace Engine.Messages.Tasks;

/// <summary>
/// One limit-order trigger: when the USD price moves <see cref="TriggerDirection"/> through <see cref="TriggerPriceUsd"/>,
/// buy with <see cref="CurrencyAmountUI"/> native units, or sell that fraction (0..1] of the holding.
/// </summary>
/// <param name="IsBuy">Buy (true) or sell.</param>
/// <param name="TriggerPriceUsd">The trigger price in USD; positive.</param>
/// <param name="TriggerDirection"><c>up</c> (fires at or above) or <c>down</c> (at or below), the venue's spelling.</param>
/// <param name="CurrencyAmountUI">Native UI amount for a buy; fraction (0..1] of the holding for a sell.</param>
/// <param name="Enabled">Whether it is armed once created.</param>
public sealed record LimitOrderSetting(bool IsBuy, decimal TriggerPriceUsd, string TriggerDirection, decimal CurrencyAmountUI, bool Enabled = true)
{
    /// <summary>Other fields of the setting (fees, slippage, expiry) as raw JSON values by the venue's name (<c>["maxSlippage"] = "0.1"</c>).</summary>
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
}
