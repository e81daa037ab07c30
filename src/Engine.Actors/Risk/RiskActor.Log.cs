using Engine.Messages.Risk;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Risk;

/// <summary>Source-generated log entries of the risk actor.</summary>
public sealed partial class RiskActor
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Trading state of {Scope}: {From} -> {To} by {By}: {Cause}")]
    private static partial void LogStateChanged(ILogger logger, string scope, TradingState from, TradingState to, string by, string cause);
}
