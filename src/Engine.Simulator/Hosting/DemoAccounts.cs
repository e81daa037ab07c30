using Engine.Simulator.Accounts;

namespace Engine.Simulator.Hosting;

/// <summary>The default demo accounts documented in the simulator README. Immutable.</summary>
public static class DemoAccounts
{
    /// <summary>Spot account: 100,000 USDT and 2 BTC.</summary>
    public static AccountOptions Spot { get; } = new()
    {
        Id = "demo-spot",
        ApiKey = "demo-spot-key",
        Secret = "demo-spot-secret",
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m },
    };

    /// <summary>Futures account: 10 BTC and 100 ETH of coin margin, 100,000 USDT.</summary>
    public static AccountOptions Futures { get; } = new()
    {
        Id = "demo-futures",
        ApiKey = "demo-futures-key",
        Secret = "demo-futures-secret",
        FuturesBalances = new Dictionary<string, decimal> { ["BTC"] = 10m, ["ETH"] = 100m, ["USDT"] = 100_000m },
    };

    /// <summary>
    /// Binance HMAC key: the Binance documentation's example key pair, so the documented request signatures
    /// verify. Spot: 100,000 USDT, 2 BTC, 20 ETH.
    /// </summary>
    public static AccountOptions BinanceHmac { get; } = new()
    {
        Id = "demo-binance-hmac",
        ApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
        Secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m, ["ETH"] = 20m },
    };

    /// <summary>
    /// Binance Ed25519 key: the documentation's Ed25519 API key with the RFC 8032 §7.1 TEST 1 public key
    /// registered (its private seed is published in the RFC). Spot: 100,000 USDT, 2 BTC, 20 ETH.
    /// </summary>
    public static AccountOptions BinanceEd25519 { get; } = new()
    {
        Id = "demo-binance-ed25519",
        ApiKey = "4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO",
        Secret = "unused-ed25519-key",
        Ed25519PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m, ["ETH"] = 20m },
    };

    /// <summary>Toobit account: spot 100,000 USDT and 2 BTC; futures 100,000 USDT of margin.</summary>
    public static AccountOptions Toobit { get; } = new()
    {
        Id = "demo-toobit",
        ApiKey = "demo-toobit-key",
        Secret = "demo-toobit-secret",
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m },
        FuturesBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m },
    };

    /// <summary>
    /// DBot key: <c>demo-dbot-key</c> (DBot has no secret; the one here only fills the account shape), with two
    /// wallets on solana and one on ethereum.
    /// </summary>
    public static AccountOptions DBot { get; } = new()
    {
        Id = "demo-dbot",
        ApiKey = "demo-dbot-key",
        Secret = "unused-dbot-secret",
        DexWallets =
        [
            new DexWalletOptions { Id = "sol-main", Chain = "solana", Address = "5ZWj7a1f8tWkjBESHKgrLmXshuXxqeY9SYcfbshpAqPG", Name = "solana main" },
            new DexWalletOptions { Id = "sol-alt", Chain = "solana", Address = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin", Name = "solana alt" },
            new DexWalletOptions { Id = "eth-main", Chain = "ethereum", Address = "0x4bbeeb066ed09b7aed07bf39eee0460dfa261520", Name = "ethereum main" },
        ],
    };

    /// <summary>Every demo account.</summary>
    public static IReadOnlyList<AccountOptions> All { get; } = [Spot, Futures, BinanceHmac, BinanceEd25519, Toobit, DBot];
}
