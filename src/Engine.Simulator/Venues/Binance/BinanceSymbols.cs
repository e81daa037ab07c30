using Engine.Simulator.Market;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Binance;

/// <summary>The simulated Binance spot symbols with their filters (PRICE_FILTER, LOT_SIZE, NOTIONAL) and synthetic market.</summary>
internal static class BinanceSymbols
{
    public static IReadOnlyList<SymbolRules> Rules { get; } =
    [
        Spot("BTCUSDT", "BTC", "USDT", 0.01m, 0.00001m),
        Spot("ETHUSDT", "ETH", "USDT", 0.01m, 0.0001m),
        Spot("ETHBTC", "ETH", "BTC", 0.00001m, 0.0001m, 0.0001m),
    ];

    public static IReadOnlyList<SyntheticSymbol> Market { get; } =
    [
        new("BTCUSDT", 50_000m, 0.01m, 0.5m),
        new("ETHUSDT", 3_000m, 0.01m, 5m),
        new("ETHBTC", 0.06m, 0.00001m, 5m),
    ];

    /// <summary>Largest quantity accepted by LOT_SIZE.</summary>
    public const decimal MaxQty = 9_000m;

    /// <summary>Largest price accepted by PRICE_FILTER.</summary>
    public const decimal MaxPrice = 1_000_000m;

    private static SymbolRules Spot(string symbol, string baseAsset, string quote, decimal tick, decimal step, decimal minNotional = 5m) => new()
    {
        Symbol = symbol,
        BaseAsset = baseAsset,
        QuoteAsset = quote,
        PriceTick = tick,
        SizeTick = step,
        MinSize = step,
        MinNotional = minNotional,
    };
}
