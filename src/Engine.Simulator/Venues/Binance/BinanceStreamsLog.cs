using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Source-generated log messages of the Binance market-data streams.</summary>
internal static partial class BinanceStreamsLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Binance stream connection {Connection} closed: {Reason}")]
    public static partial void Closing(ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Binance stream connection {Connection} ended: {Reason}")]
    public static partial void Ended(ILogger logger, long connection, string reason);
}
