using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>Source-generated log entries; every entry names the login.</summary>
public sealed partial class ConnectionActor
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Login {Login}: {From} -> {State} (venue code {VenueCode}: {VenueText})")]
    private static partial void LogTransition(ILogger logger, LoginId login, ConnectionState from, ConnectionState state, int? venueCode, string? venueText);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Critical, Message = "Login {Login}: {From} -> {State} (venue code {VenueCode}: {VenueText})")]
    private static partial void LogFatalTransition(ILogger logger, LoginId login, ConnectionState from, ConnectionState state, int? venueCode, string? venueText);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Login {Login}: connection lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, LoginId login, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Critical, Message = "Login {Login} stopped: the venue reported a fatal error ({VenueCode}: {VenueText}); fix the login's configuration, it will not be retried")]
    private static partial void LogStoppedFatal(ILogger logger, LoginId login, int? venueCode, string venueText);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Login {Login}: {Problem} (venue problems so far: {Count})")]
    private static partial void LogProblem(ILogger logger, LoginId login, string problem, long count);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Login {Login}: session accepted by the venue; waiting for READY")]
    private static partial void LogSessionAccepted(ILogger logger, LoginId login);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Login {Login}: the venue paused sending until {Until}: {Reason}")]
    private static partial void LogSendingPaused(ILogger logger, LoginId login, DateTimeOffset until, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "Login {Login}: session frame {Operation}")]
    private static partial void LogSessionFrame(ILogger logger, LoginId login, string operation);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Login {Login}: symbol rules not read ({Reason}); orders of that symbol are validated with the last known rules")]
    private static partial void LogRulesNotRead(ILogger logger, LoginId login, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Login {Login}: READY again (repeated); reconciling")]
    private static partial void LogReadyAgain(ILogger logger, LoginId login);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Login {Login}: reconciliation query {Source} failed: {Reason}")]
    private static partial void LogReconcileFailed(ILogger logger, LoginId login, string source, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Login {Login}: resolution of {Symbols} deferred to the reconciliation after the next READY")]
    private static partial void LogResolutionDeferred(ILogger logger, LoginId login, string symbols);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Login {Login}: status query for order {ClientOrderId} failed: {Reason}")]
    private static partial void LogStatusQueryFailed(ILogger logger, LoginId login, ClientOrderId clientOrderId, string reason);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Login {Login}: draining (cancel working orders: {Cancel})")]
    private static partial void LogDraining(ILogger logger, LoginId login, bool cancel);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "Login {Login}: drain request failed: {Reason}")]
    private static partial void LogDrainRequestFailed(ILogger logger, LoginId login, string reason);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information, Message = "Login {Login}: drained ({Why})")]
    private static partial void LogDrained(ILogger logger, LoginId login, string why);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Warning, Message = "Login {Login}: the venue did not execute {Operation} for now ({Reason}); sending it again after the pause (attempt {Attempt})")]
    private static partial void LogRetryLater(ILogger logger, LoginId login, string operation, string reason, int attempt);
}
