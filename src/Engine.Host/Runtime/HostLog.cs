using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>The host's log messages (source-generated; structured fields).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Engine starting with {ConfigFile}")]
    public static partial void Starting(this ILogger logger, string configFile);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Simulator {Venue} started in-process on {Uri}")]
    public static partial void SimulatorStarted(this ILogger logger, string venue, Uri uri);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Journal open ({Plugin})")]
    public static partial void JournalOpen(this ILogger logger, string plugin);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Login {Login} on {Venue}: {Url}")]
    public static partial void LoginConfigured(this ILogger logger, string login, string venue, Uri? url);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Engine running; Ctrl+C stops it")]
    public static partial void Running(this ILogger logger);

    [LoggerMessage(EventId = 105, Level = LogLevel.Critical, Message = "The engine stopped on its own; shutting down and exiting with an error")]
    public static partial void EngineDied(this ILogger logger);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Stop requested; shutting down in phases")]
    public static partial void StopRequested(this ILogger logger);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Engine stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(EventId = 108, Level = LogLevel.Critical, Message = "Engine start-up failed")]
    public static partial void StartupFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Shutdown phase {Phase}/{Phases}: {Name} (at most {Timeout})")]
    public static partial void PhaseStarting(this ILogger logger, int phase, int phases, string name, TimeSpan timeout);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Shutdown phase {Name} completed in {ElapsedMs:0} ms")]
    public static partial void PhaseCompleted(this ILogger logger, string name, double elapsedMs);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Shutdown phase {Name} did not finish within {Timeout}; going on")]
    public static partial void PhaseTimedOut(this ILogger logger, string name, TimeSpan timeout);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Shutdown phase {Name} failed; going on")]
    public static partial void PhaseFailed(this ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "{Part}: not wired yet; this build runs without it")]
    public static partial void NotWiredYet(this ILogger logger, string part);
}
