using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Source-generated log messages of the quant gateway simulator. Never logs secrets or tokens' owners' keys.</summary>
internal static partial class QuantGatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Session {Session} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, long session, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Closing idle session {Session}")]
    public static partial void IdleClose(ILogger logger, long session);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Handler failure on session {Session}")]
    public static partial void HandlerFailure(ILogger logger, Exception exception, long session);
}
