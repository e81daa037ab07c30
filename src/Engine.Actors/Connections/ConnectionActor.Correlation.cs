using Engine.Actors.Connections.Policies;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>
/// Request correlation, inline: the requests awaiting their replies live in a <see cref="CorrelatorTable{TKey}"/> of this
/// actor (made fresh by every incarnation), not in a child actor, so a reply is matched in the handler of the frame that
/// carries it and a round trip pays no mailbox hop to a correlator and back. Each request gets its operation's deadline;
/// one keyed timer fires at the earliest known deadline (on the engine clock, so virtual time drives it in tests); an
/// expired request's outcome is unknown, never rejected. A late reply (its request already timed out) and a reply that
/// matches nothing are logged and counted, never delivered. When the socket is lost every pending request is handed
/// back as unknown through a message to this actor, so the answers run after the session's teardown, as they did when
/// a child held the table.
/// </summary>
public sealed partial class ConnectionActor
{
    private const string CorrelationDeadlineKey = "correlation-deadline";

    private CorrelatorTable<string> _pending = null!;
    private DateTimeOffset? _deadlineScheduledFor;
    private long _lateReplies;
    private long _unmatchedReplies;

    /// <summary>A request with the unique <paramref name="key"/> is about to be sent now.</summary>
    private void RegisterPending(string key, string operation, ClientOrderId? clientOrderId)
    {
        var now = Now;
        if (_pending.Register(key, operation, now, clientOrderId) is not { } pending)
        {
            LogDuplicateKey(_log, _login, key, operation);
            return;
        }

        if (_deadlineScheduledFor is not { } scheduled || pending.Deadline < scheduled)
        {
            ScheduleDeadline(pending.Deadline, now);
        }
    }

    /// <summary>A reply carrying <paramref name="key"/> arrived: answered when its request is pending.</summary>
    private void MatchReply(string key, VenueInbound reply)
    {
        switch (_pending.TryMatch(key, out var request))
        {
            case MatchOutcome.Matched:
                OnReplyMatched(request!, reply);
                break;
            case MatchOutcome.Late:
                _lateReplies++;
                LogLateReply(_log, _login, key, _lateReplies);
                break;
            default:
                _unmatchedReplies++;
                LogUnmatchedReply(_log, _login, key, _unmatchedReplies);
                break;
        }
    }

    private void OnCorrelationDeadline()
    {
        _deadlineScheduledFor = null;
        var now = Now;
        foreach (var request in _pending.Expire(now))
        {
            LogRequestTimedOut(_log, _login, request.Operation, request.Key, request.Deadline - request.SentAt);
            OnRequestTimedOut(request);
        }

        if (_pending.NextDeadline is { } next)
        {
            ScheduleDeadline(next, now);
        }
        else
        {
            Timers.Cancel(CorrelationDeadlineKey);
        }
    }

    /// <summary>The socket is gone: every pending request is handed back, answered when this actor reads <see cref="PendingFailed"/>.</summary>
    private void FailAllPending(string reason)
    {
        var failed = _pending.FailAll();
        _deadlineScheduledFor = null;
        Timers.Cancel(CorrelationDeadlineKey);
        if (failed.Count > 0)
        {
            Self.Tell(new PendingFailed(failed, reason), Self);
        }
    }

    /// <summary>
    /// One timer at the earliest deadline known when it was set. A match leaves it alone (an early expiry finds nothing
    /// and re-arms), so registering or matching a request costs no scan of the table.
    /// </summary>
    private void ScheduleDeadline(DateTimeOffset deadline, DateTimeOffset now)
    {
        _deadlineScheduledFor = deadline;
        var delay = deadline - now;
        Timers.StartSingleTimer(CorrelationDeadlineKey, CorrelationDeadline.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }

    /// <summary>Asks a connection for its <see cref="CorrelationCounts"/>.</summary>
    public sealed record GetCorrelationCounts
    {
        /// <summary>The only instance needed.</summary>
        public static GetCorrelationCounts Instance { get; } = new();
    }

    /// <summary>Requests awaiting their reply now, and the late and unmatched replies seen by this incarnation.</summary>
    public sealed record CorrelationCounts(int Pending, long Late, long Unmatched);

    /// <summary>Timer message: the earliest deadline of a pending request may have passed.</summary>
    private sealed record CorrelationDeadline
    {
        public static CorrelationDeadline Instance { get; } = new();
    }

    /// <summary>To self: the requests pending when the socket was lost; their outcomes are unknown.</summary>
    private sealed record PendingFailed(IReadOnlyList<PendingRequest<string>> Requests, string Reason);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Login {Login}: correlation key {Key} ({Operation}) is already pending; keys must be unique")]
    private static partial void LogDuplicateKey(ILogger logger, LoginId login, string key, string operation);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Login {Login}: late reply for {Key}: its request had already timed out (outcome was reported unknown; late replies so far: {Count})")]
    private static partial void LogLateReply(ILogger logger, LoginId login, string key, long count);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Login {Login}: reply with key {Key} matches no pending request; ignored (unmatched replies so far: {Count})")]
    private static partial void LogUnmatchedReply(ILogger logger, LoginId login, string key, long count);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Login {Login}: no reply to {Operation} {Key} within {Timeout}; outcome unknown")]
    private static partial void LogRequestTimedOut(ILogger logger, LoginId login, string operation, string key, TimeSpan timeout);
}
