using System.Globalization;

namespace Engine.Bench.Binance;

/// <summary>
/// The order both sides of the Binance benchmark place: a LIMIT GTC BUY of 0.01 BTCUSDT at 1,000 USDT, far below the
/// simulator's mid (50,000), so it rests and never fills. The simulator only books it (no trades, no fills to
/// report), which keeps every order equally cheap. The orders are left resting: cancelling would add a second
/// request per sample to both sides and the simulator is discarded at the end of the run.
/// </summary>
internal static class BinanceBenchOrder
{
    public const string Symbol = "BTCUSDT";
    public const decimal Price = 1_000m;
    public const decimal Quantity = 0.01m;

    public static string PriceText => Price.ToString(CultureInfo.InvariantCulture);

    public static string QuantityText => Quantity.ToString(CultureInfo.InvariantCulture);
}
