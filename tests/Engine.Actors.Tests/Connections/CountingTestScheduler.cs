using Akka.Actor;
using Akka.Event;
using Akka.TestKit;

namespace Engine.Actors.Tests.Connections;

/// <summary>
/// Akka's <see cref="TestScheduler"/> (advanced by the engine's virtual clock as usual) that also counts the scheduled
/// messages not yet due and not cancelled, so a test can see that an actor armed or cancelled its timer (the kernel's
/// <c>ManualTimeProvider.PendingTimers</c>). Select it with <see cref="Hocon"/>.
/// </summary>
public sealed class CountingTestScheduler : TestScheduler, ITellScheduler
{
    /// <summary>The HOCON line that makes a test system run this scheduler.</summary>
    public const string Hocon = """akka.scheduler.implementation = "Engine.Actors.Tests.Connections.CountingTestScheduler, Engine.Actors.Tests" """;

    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Due, ICancelable? Cancelable)> _scheduled = [];

    /// <summary>Created by the actor system from its configuration.</summary>
    public CountingTestScheduler(Akka.Configuration.Config schedulerConfig, ILoggingAdapter log)
        : base(schedulerConfig, log)
    {
    }

    /// <summary>Scheduled messages (actor timers) due later than <see cref="TestScheduler.Now"/> and not cancelled.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                var now = Now;
                _scheduled.RemoveAll(s => s.Due <= now || s.Cancelable is { IsCancellationRequested: true });
                return _scheduled.Count;
            }
        }
    }

    void ITellScheduler.ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender)
    {
        Track(delay, null);
        ScheduleTellOnce(delay, receiver, message, sender);
    }

    void ITellScheduler.ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable)
    {
        Track(delay, cancelable);
        ScheduleTellOnce(delay, receiver, message, sender, cancelable);
    }

    void ITellScheduler.ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender)
    {
        Track(initialDelay, null);
        ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender);
    }

    void ITellScheduler.ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable)
    {
        Track(initialDelay, cancelable);
        ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, cancelable);
    }

    private void Track(TimeSpan delay, ICancelable? cancelable)
    {
        lock (_gate)
        {
            _scheduled.Add((Now + delay, cancelable));
        }
    }
}
