using Engine.Simulator.Market;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>The simulated Toobit symbols: spot <c>BTCUSDT</c>, <c>ETHUSDT</c> and USDT-M perpetuals <c>BTC-SWAP-USDT</c>, <c>ETH-SWAP-USDT</c>.</summary>
internal static class ToobitSymbols
{
    /// <summary>Largest quantity accepted by LOT_SIZE.</summary>
    public const decimal MaxQty = 100_000m;

    /// <summary>Largest price accepted by PRICE_FILTER.</summary>
    public const decimal MaxPrice = 10_000_000m;

    /// <summary>Leverage of new futures positions (changed per account with <c>/api/v1/futures/leverage</c>).</summary>
    public const int DefaultLeverage = 10;

    public static IReadOnlyList<SymbolRules> Rules { get; } =
    [
        Spot("BTCUSDT", "BTC", 0.01m, 0.00001m),
        Spot("ETHUSDT", "ETH", 0.01m, 0.0001m),
        Swap("BTC-SWAP-USDT", "BTC", 0.1m, 0.001m),
        Swap("ETH-SWAP-USDT", "ETH", 0.01m, 0.01m),
    ];

    public static IReadOnlyList<SyntheticSymbol> Market { get; } =
    [
        new("BTCUSDT", 50_000m, 0.01m, 0.5m),
        new("ETHUSDT", 3_000m, 0.01m, 5m),
        new("BTC-SWAP-USDT", 50_000m, 0.1m, 500m),
        new("ETH-SWAP-USDT", 3_000m, 0.01m, 500m),
    ];

    /// <summary>True for a USDT-M perpetual symbol.</summary>
    public static bool IsSwap(string symbol) => symbol.Contains("-SWAP-", StringComparison.Ordinal);

    private static SymbolRules Spot(string symbol, string baseAsset, decimal tick, decimal step) => new()
    {
        Symbol = symbol,
        BaseAsset = baseAsset,
        QuoteAsset = "USDT",
        PriceTick = tick,
        SizeTick = step,
        MinSize = step,
        MinNotional = 5m,
    };

    private static SymbolRules Swap(string symbol, string underlying, decimal tick, decimal multiplier) => new()
    {
        Symbol = symbol,
        BaseAsset = underlying,
        QuoteAsset = "USDT",
        PriceTick = tick,
        SizeTick = 1m,
        MinSize = 1m,
        IsFutures = true,
        ContractSize = multiplier,
        Leverage = DefaultLeverage,
        SettlementAsset = "USDT",
    };
}
