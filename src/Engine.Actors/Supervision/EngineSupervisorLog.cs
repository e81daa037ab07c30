using Microsoft.Extensions.Logging;

namespace Engine.Actors.Supervision;

/// <summary>Log messages of <see cref="EngineSupervisor"/> (source-generated).</summary>
internal static partial class EngineSupervisorLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Engine started: {Connections} and {Strategies}")]
    public static partial void EngineStarted(this ILogger logger, string connections, string strategies);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "The strategy host stopped after repeated failures; the engine keeps managing its orders without strategies")]
    public static partial void StrategiesLost(this ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Critical, Message = "The connections tree stopped after repeated failures; the engine stops")]
    public static partial void ConnectionsLost(this ILogger logger);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "The market-data feeds stopped after repeated failures; the engine keeps trading without market data")]
    public static partial void FeedsLost(this ILogger logger);
}
