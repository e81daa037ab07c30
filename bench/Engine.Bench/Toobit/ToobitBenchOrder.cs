namespace Engine.Bench.Toobit;

/// <summary>
/// The order both sides of the Toobit benchmark place: the <see cref="Orders.OrderFlow"/> LIMIT GTC BUY (0.01 at 1,000 USDT,
/// far below the simulator's mid of 50,000) on BTCUSDT, so it rests and never fills; left resting, as in the Binance bench.
/// </summary>
internal static class ToobitBenchOrder
{
    public const string Symbol = "BTCUSDT";
}
