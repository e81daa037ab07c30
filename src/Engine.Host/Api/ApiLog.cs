using Microsoft.Extensions.Logging;

namespace Engine.Host.Api;

/// <summary>The API's log messages (source-generated).</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Dashboard and control API on {Address} (metrics {Address}metrics, health {Address}health/ready){Auth}")]
    public static partial void Serving(this ILogger logger, Uri address, string auth);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Control API disabled (engine.api.enabled = false)")]
    public static partial void Disabled(this ILogger logger);
}
