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

    /// <summary>Both demo accounts.</summary>
    public static IReadOnlyList<AccountOptions> All { get; } = [Spot, Futures];
}
