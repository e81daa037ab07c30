namespace Engine.Actors.Venues.Toobit;

/// <summary>The REST paths the adapter calls (reference §2–§4, §8.1), and the symbol convention. Pure.</summary>
public static class ToobitPaths
{
    public const string Time = "/api/v1/time";
    public const string ExchangeInfo = "/api/v1/exchangeInfo";
    public const string SpotOrder = "/api/v1/spot/order";
    public const string SpotBatchOrders = "/api/v1/spot/batchOrders";
    public const string SpotOpenOrders = "/api/v1/spot/openOrders";
    public const string SpotCancelAll = "/api/v1/spot/openOrders#cancel";
    public const string SpotCancelByIds = "/api/v1/spot/cancelOrderByIds";
    public const string Account = "/api/v1/account";
    public const string FuturesOrder = "/api/v1/futures/order";
    public const string FuturesOpenOrders = "/api/v1/futures/openOrders";
    public const string FuturesCancelAll = "/api/v1/futures/batchOrders";
    public const string FuturesCancelByIds = "/api/v1/futures/cancelOrderByIds";
    public const string FuturesPositions = "/api/v1/futures/positions";
    public const string FuturesLeverage = "/api/v1/futures/leverage";
    public const string UserDataStream = "/api/v1/userDataStream";
    public const string Stream = "/api/v1/ws/";

    /// <summary>True for a USDT-M perpetual (<c>BTC-SWAP-USDT</c>); spot symbols have no dash.</summary>
    public static bool IsFutures(string symbol) => symbol.Contains("-SWAP-", StringComparison.Ordinal);
}
