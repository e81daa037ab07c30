using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>Source-generated log messages of the Toobit simulator. Never logs keys, secrets, listen keys or signatures.</summary>
internal static partial class ToobitLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Toobit stream {Connection} ended: {Reason}")]
    public static partial void StreamEnded(ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Toobit handler failure for {Method} {Path}")]
    public static partial void HandlerFailure(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Toobit stream {Connection} closed: {Reason}")]
    public static partial void Closing(ILogger logger, long connection, string reason);
}
