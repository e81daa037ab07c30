using Microsoft.Extensions.Logging;

namespace Engine.Actors.Strategies;

/// <summary>Source-generated log messages of the strategy host.</summary>
internal static partial class StrategyHostLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Strategy {Strategy} started: {StrategyType} from {Source}")]
    public static partial void Started(ILogger logger, string strategy, string strategyType, string source);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Strategy {Strategy} not started: {Reason}")]
    public static partial void LoadFailed(ILogger logger, string strategy, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Strategy {Strategy} given up: {Reason}")]
    public static partial void GaveUp(ILogger logger, string strategy, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Strategy {Strategy} stopped itself: {Reason}")]
    public static partial void Finished(ILogger logger, string strategy, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Strategy {Strategy} is disabled in configuration; not started")]
    public static partial void Disabled(ILogger logger, string strategy);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Stopping {Count} strategies")]
    public static partial void Stopping(ILogger logger, int count);
}
