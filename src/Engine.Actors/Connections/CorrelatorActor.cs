using Akka.Actor;
using Engine.Actors.Connections.Policies;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>
/// Thin shell over a <see cref="CorrelatorTable{TKey}"/> of string keys: registers requests with their
/// operation's deadline, matches replies (<see cref="Matched"/> to the owner; late and unmatched replies are
/// logged and counted, never delivered), and tells the owner <see cref="TimedOut"/> for each expired request
/// (its outcome is unknown, never rejected). <see cref="FailAll"/> hands back every pending request when the
/// socket is gone. One keyed timer fires at the earliest deadline; deadlines are on the engine clock.
/// </summary>
public sealed partial class CorrelatorActor : ReceiveActor, IWithTimers
{
    private const string DeadlineKey = "correlator-deadline";

    private readonly CorrelatorTable<string> _table;
    private readonly IActorRef? _owner;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private DateTimeOffset? _scheduledFor;
    private long _late;
    private long _unmatched;

    /// <summary>Creates the actor; <paramref name="owner"/> gets the outcomes (null: the parent).</summary>
    public CorrelatorActor(TimeSpan defaultTimeout, IReadOnlyDictionary<string, TimeSpan>? perOperation, IActorRef? owner)
    {
        _log = Context.CreateLogger<CorrelatorActor>();
        _time = Context.Engine().Time;
        _table = new CorrelatorTable<string>(defaultTimeout, perOperation);
        _owner = owner;
        Receive<Register>(OnRegister);
        Receive<Match>(OnMatch);
        Receive<FailAll>(f => Owner.Tell(new AllFailed(_table.FailAll(), f.Reason), Self));
        Receive<Expire>(_ => OnExpire());
        Receive<GetCounts>(_ => Sender.Tell(new Counts(_table.Count, _late, _unmatched), Self));
    }

    private IActorRef Owner => _owner ?? Context.Parent;

    /// <summary>Props; <paramref name="perOperation"/> overrides the default deadline by operation; <paramref name="owner"/> defaults to the parent.</summary>
    public static Props Props(TimeSpan defaultTimeout, IReadOnlyDictionary<string, TimeSpan>? perOperation = null, IActorRef? owner = null) =>
        Akka.Actor.Props.Create(() => new CorrelatorActor(defaultTimeout, perOperation, owner));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>A request with this unique key was sent now.</summary>
    public sealed record Register(string Key, string Operation, ClientOrderId? ClientOrderId = null);

    /// <summary>A reply carrying <paramref name="Key"/> arrived; <paramref name="Reply"/> travels back in <see cref="Matched"/>.</summary>
    public sealed record Match(string Key, object Reply);

    /// <summary>Every pending request is lost (socket closed): hand them all back.</summary>
    public sealed record FailAll(string Reason);

    /// <summary>Asks for <see cref="Counts"/>.</summary>
    public sealed record GetCounts
    {
        /// <summary>The only instance needed.</summary>
        public static GetCounts Instance { get; } = new();
    }

    /// <summary>To the owner: the reply of a pending request.</summary>
    public sealed record Matched(PendingRequest<string> Request, object Reply);

    /// <summary>To the owner: no reply before the deadline; the outcome is unknown.</summary>
    public sealed record TimedOut(PendingRequest<string> Request);

    /// <summary>To the owner: the requests pending when <see cref="FailAll"/> arrived; their outcomes are unknown.</summary>
    public sealed record AllFailed(IReadOnlyList<PendingRequest<string>> Requests, string Reason);

    /// <summary>Pending requests, late replies and unmatched replies seen so far.</summary>
    public sealed record Counts(int Pending, long Late, long Unmatched);

    private void OnRegister(Register register)
    {
        var now = _time.GetUtcNow();
        if (_table.Register(register.Key, register.Operation, now, register.ClientOrderId) is not { } pending)
        {
            LogDuplicateKey(_log, register.Key, register.Operation);
            return;
        }

        if (_scheduledFor is not { } scheduled || pending.Deadline < scheduled)
        {
            ScheduleAt(pending.Deadline, now);
        }
    }

    private void OnMatch(Match match)
    {
        switch (_table.TryMatch(match.Key, out var request))
        {
            case MatchOutcome.Matched:
                Owner.Tell(new Matched(request!, match.Reply), Self);
                break;
            case MatchOutcome.Late:
                _late++;
                LogLateReply(_log, match.Key);
                break;
            default:
                _unmatched++;
                LogUnmatchedReply(_log, match.Key);
                break;
        }
    }

    private void OnExpire()
    {
        _scheduledFor = null;
        var now = _time.GetUtcNow();
        foreach (var request in _table.Expire(now))
        {
            LogTimedOut(_log, request.Operation, request.Key, request.Deadline - request.SentAt);
            Owner.Tell(new TimedOut(request), Self);
        }

        ScheduleNext(now);
    }

    /// <summary>
    /// One timer at the earliest deadline known when it was set. A match leaves it alone (an early expiry finds
    /// nothing and re-arms), so a register or a match costs no scan of the table.
    /// </summary>
    private void ScheduleNext(DateTimeOffset now)
    {
        if (_table.NextDeadline is { } next)
        {
            ScheduleAt(next, now);
        }
        else
        {
            _scheduledFor = null;
            Timers.Cancel(DeadlineKey);
        }
    }

    private void ScheduleAt(DateTimeOffset deadline, DateTimeOffset now)
    {
        _scheduledFor = deadline;
        var delay = deadline - now;
        Timers.StartSingleTimer(DeadlineKey, Expire.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }

    private sealed record Expire
    {
        public static Expire Instance { get; } = new();
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Correlation key {Key} ({Operation}) is already pending; keys must be unique")]
    private static partial void LogDuplicateKey(ILogger logger, string key, string operation);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Late reply for {Key}: its request had already timed out (outcome was reported unknown)")]
    private static partial void LogLateReply(ILogger logger, string key);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Reply with key {Key} matches no pending request; ignored")]
    private static partial void LogUnmatchedReply(ILogger logger, string key);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "No reply to {Operation} {Key} within {Timeout}; outcome unknown")]
    private static partial void LogTimedOut(ILogger logger, string operation, string key, TimeSpan timeout);
}
