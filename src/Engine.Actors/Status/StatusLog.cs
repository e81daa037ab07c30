using Microsoft.Extensions.Logging;

namespace Engine.Actors.Status;

/// <summary>Log messages of <see cref="StatusReporterActor"/> (source-generated).</summary>
internal static partial class StatusLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Status {StatusLine}")]
    public static partial void StatusLine(this ILogger logger, string statusLine);
}
