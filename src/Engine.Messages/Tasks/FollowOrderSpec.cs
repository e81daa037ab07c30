using System.Collections.Immutable;

namespace Engine.Messages.Tasks;

/// <summary>
/// A copy-trading task ("follow order") to create: it watches <see cref="TargetIds"/> on <see cref="Chain"/> and copies
/// their trades from the wallet <see cref="WalletId"/>. Fields the engine does not model are given as raw JSON values
/// in <see cref="BuySettings"/> and <see cref="SellSettings"/> (key = the venue's field name, value = JSON text, e.g.
/// <c>["retries"] = "3"</c>); everything not given takes the venue's default.
/// </summary>
/// <param name="Name">Unique per login: it is how an unknown create is found again.</param>
/// <param name="Chain">The venue's chain name (<c>solana</c>, <c>ethereum</c>, ...), kept as a string: new chains appear.</param>
/// <param name="WalletId">The venue's id of the wallet that trades.</param>
/// <param name="TargetIds">1 to 10 leader addresses.</param>
/// <param name="MaxBuyAmountUI">Most native currency spent per copied buy (UI units, e.g. 0.5 SOL); positive.</param>
/// <param name="Enabled">Whether the task runs once created.</param>
public sealed record FollowOrderSpec(string Name, string Chain, string WalletId, ImmutableArray<string> TargetIds, decimal MaxBuyAmountUI, bool Enabled = true)
{
    /// <summary>DEX names to follow on; empty follows every DEX.</summary>
    public ImmutableArray<string> DexFilter { get; init; } = [];

    /// <summary>Token addresses never bought (at most 20).</summary>
    public ImmutableArray<string> TokenBlacklist { get; init; } = [];

    /// <summary>Take-profit as a fraction (0.5 = +50 %), creating TP/SL tasks on each copied buy; null = none.</summary>
    public decimal? StopEarnPercent { get; init; }

    /// <summary>Stop-loss as a fraction (0.2 = −20 %); null = none.</summary>
    public decimal? StopLossPercent { get; init; }

    /// <summary>Other <c>buySettings</c> fields as raw JSON values by name.</summary>
    public ImmutableDictionary<string, string> BuySettings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Other <c>sellSettings</c> fields as raw JSON values by name.</summary>
    public ImmutableDictionary<string, string> SellSettings { get; init; } = ImmutableDictionary<string, string>.Empty;
}
