using Engine.Messages.Risk;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Risk;

/// <summary>Source-generated log entries of the risk actor.</summary>
public sealed partial class RiskActor
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Trading state of {Scope}: {From} -> {To} by {By}: {Cause}")]
    private static partial void LogStateChanged(ILogger logger, string scope, TradingState from, TradingState to, string by, string cause);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Risk ledger rebuilt from {Journaled} journaled order events ({Buffered} live events during the read)")]
    private static partial void LogCaughtUp(ILogger logger, int journaled, int buffered);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The order journal could not be read after {Journaled} events; the risk ledger goes on with those and the live events")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, int journaled);
}
