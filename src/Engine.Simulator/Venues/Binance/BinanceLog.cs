using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Source-generated log messages of the Binance simulator. Never logs keys, secrets or signatures.</summary>
internal static partial class BinanceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Binance connection {Connection} ended: {Reason}")]
    public static partial void ConnectionEnded(ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Binance handler failure on connection {Connection} for {Method}")]
    public static partial void HandlerFailure(ILogger logger, Exception exception, long connection, string method);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Binance connection {Connection} closed: {Reason}")]
    public static partial void Closing(ILogger logger, long connection, string reason);
}
