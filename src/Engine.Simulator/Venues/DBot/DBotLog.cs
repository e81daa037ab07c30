using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.DBot;

/// <summary>Source-generated log messages of the DBot simulator. Never logs API keys.</summary>
internal static partial class DBotLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "DBot connection {Connection} ended: {Reason}")]
    public static partial void ConnectionEnded(ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "DBot connection {Connection} closed: {Reason}")]
    public static partial void Closing(ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "DBot account {Account} {Method}: {Detail}")]
    public static partial void Call(ILogger logger, string account, string method, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "DBot trade result {TradeType} {Id} for account {Account}")]
    public static partial void TradeResult(ILogger logger, string tradeType, string id, string account);
}
