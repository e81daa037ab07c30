using Akka.Actor;
using Engine.Actors.Runtime;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Budget;

/// <summary>
/// Thin shell over a <see cref="RateBudget{T}"/>: every <see cref="Acquire"/> is answered with exactly one
/// <see cref="Granted"/> (at once, or later in priority order: cancel, order, query) or handed back by
/// <see cref="Clear"/> in <see cref="Cleared"/>; nothing is dropped. When it starts queueing it publishes
/// <see cref="RequestBudgetExhausted"/> once, until the queue is empty again. One keyed timer fires when the
/// head of the queue can go; windows and pauses are on the engine clock. Server feedback (<see cref="SyncWindow"/>,
/// <see cref="PauseUntil"/>) re-syncs the windows (Binance <c>rateLimits</c>, 429); <see cref="LimitsChanged"/> replaces
/// them with the limits a venue publishes (Toobit <c>exchangeInfo.rateLimits</c>). The windows' use is published for
/// the metrics (<see cref="BudgetUsageSampled"/>, at most once per <see cref="UsageSampleInterval"/>).
/// </summary>
public sealed partial class RateBudgetActor : ReceiveActor, IWithTimers
{
    private const string RetryKey = "budget-retry";

    private readonly LoginId _login;
    private readonly RateBudget<Ticket> _budget;
    private readonly HashSet<Ticket> _queued = [];
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private bool _exhausted;

    /// <summary>Creates the actor; the windows are validated by <see cref="Props"/>.</summary>
    public RateBudgetActor(LoginId login, IEnumerable<RateWindowSpec> windows)
    {
        _log = Context.CreateLogger<RateBudgetActor>();
        _time = Context.Engine().Time;
        _login = login;
        _budget = new RateBudget<Ticket>(windows);
        Receive<Acquire>(OnAcquire);
        Receive<Retry>(_ => Drain());
        Receive<SampleUsage>(_ => OnSampleUsage());
        Receive<Clear>(_ => OnClear());
        Receive<SyncWindow>(s =>
        {
            _budget.SyncFromServer(s.Window, s.Count, Now, s.Period);
            Drain();
        });
        Receive<LimitsChanged>(OnLimitsChanged);
        Receive<PauseUntil>(p =>
        {
            _budget.PauseUntil(p.Until);
            Drain();
        });
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of <paramref name="login"/>'s budget; no windows means every request is granted at once.</summary>
    public static Props Props(LoginId login, IEnumerable<RateWindowSpec> windows)
    {
        var specs = windows.ToList();
        foreach (var w in specs)
        {
            w.EnsureValid();
        }

        return Akka.Actor.Props.Create(() => new RateBudgetActor(login, specs));
    }

    /// <summary>Asks to send <paramref name="Request"/>; answered with <see cref="Granted"/> to the sender.</summary>
    public sealed record Acquire(object Request, RateCost Cost, RequestPriority Priority);

    /// <summary>The request may be sent now.</summary>
    public sealed record Granted(object Request);

    /// <summary>Empties the queue (the socket is gone): the queued requests come back in <see cref="Cleared"/>.</summary>
    public sealed record Clear
    {
        /// <summary>The only instance needed.</summary>
        public static Clear Instance { get; } = new();
    }

    /// <summary>To the sender of <see cref="Clear"/>: the requests that were still queued, in no particular order.</summary>
    public sealed record Cleared(IReadOnlyList<object> Requests);

    /// <summary>The venue's count of a window (raised locally, never lowered).</summary>
    public sealed record SyncWindow(string Window, int Count, TimeSpan? Period = null);

    /// <summary>
    /// The venue published its limits (Toobit <c>exchangeInfo.rateLimits</c>): the budget's windows become
    /// <paramref name="Windows"/>, counts of unchanged windows kept. An invalid set is logged and ignored.
    /// </summary>
    /// <param name="Windows">Every window now in force.</param>
    /// <param name="Source">Where they came from, for the log (<c>exchangeInfo.rateLimits</c>).</param>
    public sealed record LimitsChanged(IReadOnlyList<RateWindowSpec> Windows, string Source);

    /// <summary>The venue asked us to pause until <paramref name="Until"/> (429).</summary>
    public sealed record PauseUntil(DateTimeOffset Until);

    private void OnAcquire(Acquire acquire)
    {
        UsageChanged();
        var now = Now;
        var decision = _budget.TryAcquire(acquire.Cost, acquire.Priority, now);
        if (decision.Granted)
        {
            Sender.Tell(new Granted(acquire.Request), Self);
            return;
        }

        var ticket = new Ticket(acquire.Request, Sender);
        _queued.Add(ticket);
        _budget.Enqueue(ticket, acquire.Cost, acquire.Priority);
        if (!_exhausted && decision.Blocker != "queue")
        {
            _exhausted = true;
            LogExhausted(_log, _login, decision.Blocker, decision.RetryAt);
            Context.System.EventStream.Publish(new RequestBudgetExhausted(_login, now, decision.Blocker ?? "budget", decision.RetryAt, _budget.QueuedCount));
        }

        Schedule(now);
    }

    private void OnLimitsChanged(LimitsChanged changed)
    {
        var before = string.Join(", ", _budget.Windows);
        try
        {
            _budget.ReplaceWindows(changed.Windows, Now);
        }
        catch (ArgumentException e)
        {
            LogLimitsRefused(_log, _login, changed.Source, e.Message, before);
            return;
        }

        LogLimitsChanged(_log, _login, changed.Source, before, string.Join(", ", _budget.Windows));
        Drain();
    }

    private void Drain()
    {
        UsageChanged();
        var now = Now;
        foreach (var ticket in _budget.DequeueReady(now))
        {
            if (_queued.Remove(ticket))
            {
                ticket.ReplyTo.Tell(new Granted(ticket.Request), Self);
            }
        }

        Schedule(now);
    }

    private void OnClear()
    {
        var cleared = _queued.Where(t => !t.Cancelled).Select(t => t.Request).ToList();
        foreach (var ticket in _queued)
        {
            ticket.Cancelled = true;
        }

        _queued.Clear();
        Sender.Tell(new Cleared(cleared), Self);
    }

    private void Schedule(DateTimeOffset now)
    {
        if (_budget.NextReadyAt(now) is { } at)
        {
            var delay = at - now;
            Timers.StartSingleTimer(RetryKey, Retry.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        }
        else
        {
            _exhausted = false;
            Timers.Cancel(RetryKey);
        }
    }

    /// <summary>A queued request; cleared tickets stay in the pure queue (it cannot remove) and are skipped when they come out.</summary>
    private sealed class Ticket(object request, IActorRef replyTo)
    {
        public object Request { get; } = request;

        public IActorRef ReplyTo { get; } = replyTo;

        public bool Cancelled { get; set; }
    }

    private sealed record Retry
    {
        public static Retry Instance { get; } = new();
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Request budget of {Login} exhausted ({Window}); queueing until {RetryAt}")]
    private static partial void LogExhausted(ILogger logger, LoginId login, string? window, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Request budget of {Login}: limits from {Source} applied: [{Before}] -> [{After}]")]
    private static partial void LogLimitsChanged(ILogger logger, LoginId login, string source, string before, string after);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Request budget of {Login}: limits from {Source} ignored ({Problem}); keeping [{Current}]")]
    private static partial void LogLimitsRefused(ILogger logger, LoginId login, string source, string problem, string current);
}
