using Engine.Simulator.Market;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Platforms and symbols of protocol reference §7 with the rules and starting prices the simulator lists. Immutable.</summary>
internal static class QuantPlatforms
{
    public const string Huobi = "huobi";
    public const string HuobiFuture = "huobi_future";
    public const string Okex = "okex";
    public const string Ftx = "ftx";

    private static readonly (string Symbol, decimal Mid, decimal Tick, decimal Size, decimal Level)[] SpotPairs =
    [
        ("BTC/USDT", 50000m, 0.01m, 0.000001m, 0.5m), ("ETH/USDT", 2500m, 0.01m, 0.0001m, 5m),
        ("EOS/USDT", 3m, 0.0001m, 0.01m, 2000m), ("BCH/USDT", 300m, 0.01m, 0.0001m, 20m),
        ("BSV/USDT", 150m, 0.01m, 0.0001m, 40m), ("LTC/USDT", 80m, 0.01m, 0.0001m, 80m),
        ("XRP/USDT", 0.5m, 0.0001m, 0.01m, 20000m), ("ADA/USDT", 0.4m, 0.000001m, 0.01m, 20000m),
        ("TRX/USDT", 0.1m, 0.000001m, 0.01m, 100000m), ("ETH/BTC", 0.05m, 0.000001m, 0.0001m, 5m),
        ("EOS/BTC", 0.00006m, 0.0000001m, 0.01m, 2000m), ("BCH/BTC", 0.006m, 0.000001m, 0.0001m, 20m),
        ("BSV/BTC", 0.003m, 0.000001m, 0.0001m, 40m), ("LTC/BTC", 0.0016m, 0.000001m, 0.0001m, 80m),
        ("XRP/BTC", 0.00001m, 0.000000001m, 0.01m, 20000m), ("ADA/BTC", 0.000008m, 0.00000001m, 0.01m, 20000m),
        ("TRX/BTC", 0.000002m, 0.00000001m, 0.01m, 100000m), ("EOS/ETH", 0.0012m, 0.000001m, 0.01m, 2000m),
        ("TRX/ETH", 0.00004m, 0.00000001m, 0.01m, 100000m),
    ];

    private static readonly (string Symbol, string Coin, decimal Mid, decimal Tick, decimal ContractValue)[] Contracts =
    [
        ("BTC200925", "BTC", 50000m, 0.01m, 100m), ("BTC201225", "BTC", 50000m, 0.01m, 100m),
        ("ETH200925", "ETH", 2500m, 0.001m, 10m), ("ETH191227", "ETH", 2500m, 0.001m, 10m),
        ("EOS200925", "EOS", 3m, 0.001m, 10m),
    ];

    /// <summary>True for platforms whose symbols are futures contracts.</summary>
    public static bool IsFutures(string platform) => platform == HuobiFuture;

    /// <summary>Exchange WebSocket URL shown in state messages.</summary>
    public static string ExchangeUrl(string platform) => platform switch
    {
        HuobiFuture => "wss://api.btcgateway.pro/notification",
        Ftx => "wss://ftx.com/ws/",
        _ => "wss://api.huobi.pro/ws/v2",
    };

    /// <summary>True when <paramref name="symbol"/> is listed on <paramref name="platform"/>.</summary>
    public static bool Lists(string platform, string symbol)
    {
        // Loops rather than LINQ: every token op asks, so this stays free of closures.
        if (platform is Huobi or Okex)
        {
            foreach (var pair in SpotPairs)
            {
                if (pair.Symbol == symbol)
                {
                    return true;
                }
            }
        }
        else if (platform == HuobiFuture)
        {
            foreach (var contract in Contracts)
            {
                if (contract.Symbol == symbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Matching rules of every listed symbol.</summary>
    public static IEnumerable<SymbolRules> Rules()
    {
        foreach (var p in SpotPairs)
        {
            var parts = p.Symbol.Split('/');
            yield return new SymbolRules
            {
                Symbol = p.Symbol,
                BaseAsset = parts[0],
                QuoteAsset = parts[1],
                PriceTick = p.Tick,
                SizeTick = p.Size,
                MinSize = p.Size * 10m,
                MinNotional = parts[1] == "USDT" ? 5m : 0m,
            };
        }

        foreach (var c in Contracts)
        {
            yield return new SymbolRules
            {
                Symbol = c.Symbol,
                BaseAsset = c.Coin,
                QuoteAsset = "USD",
                PriceTick = c.Tick,
                SizeTick = 1m,
                MinSize = 1m,
                IsFutures = true,
                IsInverse = true,
                ContractSize = c.ContractValue,
                Leverage = 10m,
            };
        }
    }

    /// <summary>Synthetic market definition of every listed symbol.</summary>
    public static IEnumerable<SyntheticSymbol> Market() =>
        SpotPairs.Select(p => new SyntheticSymbol(p.Symbol, p.Mid, p.Tick, p.Level))
            .Concat(Contracts.Select(c => new SyntheticSymbol(c.Symbol, c.Mid, c.Tick, 500m)));
}
