using System.Globalization;

namespace Engine.Bench.Orders;

/// <summary>
/// The order both sides send: a small LIMIT BUY of BTC/USDT far below the simulator's mid (50,000), so it rests and
/// never fills: the simulator only books it, which keeps it cheap and the same for every order.
/// </summary>
internal static class OrderFlow
{
    public const string Symbol = "BTC/USDT";
    public const decimal Price = 1_000m;
    public const decimal Quantity = 0.01m;

    public static string PriceText => Price.ToString(CultureInfo.InvariantCulture);

    public static string QuantityText => Quantity.ToString(CultureInfo.InvariantCulture);
}
