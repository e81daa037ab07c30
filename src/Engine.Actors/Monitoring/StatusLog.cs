using Microsoft.Extensions.Logging;

namespace Engine.Actors.Monitoring;

/// <summary>Log messages of <see cref="StatusReporterActor"/> (source-generated).</summary>
internal static partial class StatusLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Status {StatusLine}")]
    public static partial void StatusLine(this ILogger logger, string statusLine);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Status caught up from the order journal: {JournaledEvents} journaled events, then {LiveEvents} live events buffered meanwhile")]
    public static partial void CaughtUp(this ILogger logger, int journaledEvents, int liveEvents);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Status could not read the order journal; it goes on with the journaled events read so far and the events seen live")]
    public static partial void CatchUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Status cannot show {Feed} {Symbol} {Kind}: {Reason}")]
    public static partial void FeedRefused(this ILogger logger, string feed, string symbol, string kind, string reason);
}
