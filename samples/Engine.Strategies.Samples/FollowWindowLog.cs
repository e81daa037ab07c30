using Microsoft.Extensions.Logging;

namespace Engine.Strategies.Samples;

/// <summary>Source-generated log messages of the follow-window sample.</summary>
internal static partial class FollowWindowLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Follow window {Strategy}: window {State}: setting {Count} follow orders enabled = {Enabled}")]
    public static partial void Toggling(ILogger logger, string strategy, string state, int count, bool enabled);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Follow window {Strategy}: creating follow order {Name} for leader {Leader} (enabled = {Enabled})")]
    public static partial void Creating(ILogger logger, string strategy, string name, string leader, bool enabled);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Follow window {Strategy}: trade {ResultId} of task {TaskId}: {Outcome} ({Successes} done, {Failures} failed so far)")]
    public static partial void Trade(ILogger logger, string strategy, string resultId, string taskId, string outcome, int successes, int failures);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Follow window {Strategy}: {What} failed: {Reason}; trying again on the next check")]
    public static partial void Failed(ILogger logger, string strategy, string what, string reason);
}
