using Akka.Actor;
using Akka.TestKit;

namespace Engine.TestKit;

/// <summary>
/// One virtual clock for a test's actor system: the engine's <see cref="TimeProvider"/> (timestamps, deadlines and
/// <see cref="TimeProvider.CreateTimer"/> timers, e.g. of a simulator sharing the clock) and Akka's
/// <see cref="TestScheduler"/> (every <c>IWithTimers</c> timer, <c>ScheduleTellOnce</c>, backoff restarts) move
/// together, only through <see cref="Advance"/>, and <see cref="GetUtcNow"/> always equals <see cref="TestScheduler.Now"/>.
/// <para>
/// The clock starts where the scheduler starts (Akka's <see cref="TestScheduler"/> starts at the wall time of the
/// system's start). <see cref="EngineTestKit"/> creates it, hands it to the system in the <c>EngineSetup</c> and
/// attaches it to the system's scheduler right after the system started; it must not be read before that.
/// </para>
/// <para>
/// <see cref="Advance"/> walks to the target in steps: up to the next due <see cref="TimeProvider"/> timer, the clock
/// moves to the step's end, the scheduler delivers its own work due on the way (so an actor handling a timer never reads
/// a time before its due time), then that timer fires. Scheduled messages are
/// told, not processed, when <see cref="Advance"/> returns: expect their effects with the TestKit's expectations.
/// Call <see cref="Advance"/> from the test's thread only (Akka's <see cref="TestScheduler"/> is not thread-safe).
/// </para>
/// <para>
/// With the real-time scheduler (<see cref="EngineTestKitOptions.RealTimeScheduler"/>) the clock is attached to the
/// system's scheduler only for its start time: Akka's timers run in real time and <see cref="Advance"/> moves the
/// engine's clock alone.
/// </para>
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private ManualTimeProvider? _time;
    private TestScheduler? _scheduler;

    internal VirtualClock()
    {
    }

    /// <summary>The scheduler advanced with this clock; null when the system runs Akka's real-time scheduler.</summary>
    public TestScheduler? Scheduler => _scheduler;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => Time.TimestampFrequency;

    /// <summary>Number of <see cref="TimeProvider"/> timers not yet fired (one-shot) or disposed.</summary>
    public int PendingTimers => Time.PendingTimers;

    private ManualTimeProvider Time => _time ?? throw new InvalidOperationException(
        "The virtual clock was read before its actor system started; EngineTestKit attaches it in its constructor.");

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Time.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => Time.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Time.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Moves the clock and the scheduler forward by <paramref name="delta"/> together, in due-time order: every
    /// scheduler item and every <see cref="TimeProvider"/> timer that falls due on the way fires.
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_gate)
        {
            var time = Time;
            var target = time.GetUtcNow() + delta;
            while (true)
            {
                var step = time.NextDue(target) ?? target;
                if (_scheduler is { } scheduler && scheduler.Now < step)
                {
                    // The clock moves first: an actor handling a timer message the scheduler just sent must never read
                    // a time before that timer's due time (it would re-arm for a full interval, as a late timer never does).
                    time.MoveTo(step);
                    scheduler.AdvanceTo(step);
                }

                time.SetUtcNow(step);
                if (step >= target)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Starts the clock at <paramref name="scheduler"/>'s time and, for a <see cref="TestScheduler"/>, moves them together from now on.</summary>
    internal void Attach(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        lock (_gate)
        {
            if (_time is not null)
            {
                throw new InvalidOperationException("The virtual clock is already attached to a scheduler.");
            }

            _scheduler = scheduler as TestScheduler;
            _time = new ManualTimeProvider(scheduler.Now);
        }
    }
}
