using System.Collections.Immutable;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// The simulated chains: each chain's native currency, the tokens leaders trade and the leader wallets that
/// trade them. Fixed, so clients and tests can name leaders and tokens; only their activity is random (seeded).
/// </summary>
internal static class DBotChainCatalog
{
    /// <summary>Native currency of each chain (what buys spend and sells receive).</summary>
    public static ImmutableDictionary<string, DBotAsset> Natives { get; } = new Dictionary<string, DBotAsset>
    {
        ["solana"] = new("So11111111111111111111111111111111111111112", "Wrapped SOL", "SOL", 9, 150m),
        ["ethereum"] = new("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "Wrapped Ether", "WETH", 18, 3000m),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Tradable tokens with their pair, DEX and starting USD price.</summary>
    public static ImmutableArray<DBotTokenSpec> Tokens { get; } =
    [
        new("solana", new("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr", "Popcat", "POPCAT", 6, 0.42m), "Hkj4kM5ZfpjjL8y6YJEXxWqvMjUbVZMGd2t5xxg2ZrBv", "raydium_amm"),
        new("solana", new("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "Bonk", "BONK", 5, 0.000021m), "6oGsL2puUgySccKzn9XA9afqF217LfxP5ocq4B3LWsjy", "orca_wp"),
        new("solana", new("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm", "dogwifhat", "WIF", 6, 1.85m), "EP2ib6dYdEeqD8MfE2ezHCxX3kP3K2eLKkirfPm5eyMx", "pump_swap"),
        new("ethereum", new("0x6982508145454ce325ddbe47a25d4ec3d2311933", "Pepe", "PEPE", 18, 0.0000095m), "0xa43fe16908251ee70ef74718545e4fe6c5ccec9f", "uniswap_v2"),
        new("ethereum", new("0x514910771af9ca656af840dff83e8264ecf986ca", "ChainLink Token", "LINK", 18, 14.2m), "0xa6cc3c2531fdaa6ae1a3ca84c2855806728693e8", "uniswap_v3"),
    ];

    /// <summary>Leader wallets clients can follow (<c>targetIds</c>), by chain.</summary>
    public static ImmutableArray<(string Chain, string Address)> Leaders { get; } =
    [
        ("solana", "4Be9CvxqHW6BYiRAxW9Q3xu1ycTMWaL5z8NX4HR3ha7t"),
        ("solana", "8rvAsDKeAcEjEkiZMug9k8v1y8mW6gQQiMobd89Uy7qR"),
        ("solana", "GJRs4FwHtemZ5ZE9x3FNvJ8TMwitKTh21yxdRPqn7npE"),
        ("ethereum", "0x28c6c06298d514db089934071355e5743bf21d60"),
        ("ethereum", "0x21a31ee1afc51d94c2efccaa2092ad1028285549"),
    ];

    /// <summary>The chain family of a chain name (EVM chains share addresses and wallets).</summary>
    public static string Family(string chain) => chain is "solana" ? "solana" : "evm";
}
