namespace Engine.Messages.Tasks;

/// <summary>A fast swap: buy with <see cref="AmountOrPercent"/> native units, or sell that fraction (0..1] of the holding.</summary>
/// <param name="Chain">The venue's chain name.</param>
/// <param name="Pair">The pool (pair) address.</param>
/// <param name="WalletId">The wallet that trades.</param>
/// <param name="IsBuy">Buy (true) or sell.</param>
/// <param name="AmountOrPercent">Native UI amount for a buy; fraction of the holding for a sell.</param>
public sealed record SwapSpec(string Chain, string Pair, string WalletId, bool IsBuy, decimal AmountOrPercent);
