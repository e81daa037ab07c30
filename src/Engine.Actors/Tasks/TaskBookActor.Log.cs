using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tasks;

/// <summary>Source-generated log messages of the task book. Never logs API keys.</summary>
public sealed partial class TaskBookActor
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Task book {Login} recovered: {Open} open commands, {Trades} trade results")]
    private static partial void LogRecovered(ILogger logger, LoginId login, int open, int trades);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task book {Login}: sending {CommandId} {Operation}")]
    private static partial void LogSending(ILogger logger, LoginId login, TaskCommandId commandId, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task book {Login}: {CommandId} refused locally: {Reason}")]
    private static partial void LogRejectedLocally(ILogger logger, LoginId login, TaskCommandId commandId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task book {Login}: {CommandId} refused by DBot: {Reason}")]
    private static partial void LogRejected(ILogger logger, LoginId login, TaskCommandId commandId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task book {Login}: {CommandId} outcome unknown: {Reason}")]
    private static partial void LogUnknown(ILogger logger, LoginId login, TaskCommandId commandId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task book {Login}: {CommandId} resolved {Resolution}: {Evidence}")]
    private static partial void LogResolved(ILogger logger, LoginId login, TaskCommandId commandId, TaskResolution resolution, string evidence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task book {Login}: trade result {ResultId} already recorded; dropped")]
    private static partial void LogDuplicateTrade(ILogger logger, LoginId login, string resultId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task book {Login}: listing follow orders ({Reason})")]
    private static partial void LogListing(ILogger logger, LoginId login, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task book {Login}: listing follow orders failed: {Reason}")]
    private static partial void LogListingFailed(ILogger logger, LoginId login, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task book {Login}: listing limit orders ({Reason})")]
    private static partial void LogLimitListing(ILogger logger, LoginId login, string reason);
}
