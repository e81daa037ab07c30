using Microsoft.Extensions.Logging;

namespace Engine.Host.Cluster;

/// <summary>Source-generated log entries of the node's risk client.</summary>
public sealed partial class RiskSingletonClient
{
    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Risk engine served by {Risk}; {Books} order book(s) of this node subscribed to it")]
    private static partial void LogServedBy(ILogger logger, string risk, int books);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Warning, Message = "Risk engine {Risk} is gone (hand-over or node failure); {Books} order book(s) keep their last snapshot until the next one serves")]
    private static partial void LogLost(ILogger logger, string risk, int books);
}
