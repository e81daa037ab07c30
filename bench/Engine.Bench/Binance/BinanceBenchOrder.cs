using Engine.Bench.Orders;

namespace Engine.Bench.Binance;

/// <summary>
/// The order both sides of the Binance benchmark place: <see cref="OrderFlow"/>'s LIMIT GTC BUY (0.01 at 1,000 USDT,
/// far below the simulator's mid of 50,000) on BTCUSDT, so it rests and never fills. The simulator only books it (no
/// trades, no fills to report), which keeps every order equally cheap. The orders are left resting: cancelling would
/// add a second request per sample to both sides and the simulator is discarded at the end of the run.
/// </summary>
internal static class BinanceBenchOrder
{
    public const string Symbol = "BTCUSDT";
}
