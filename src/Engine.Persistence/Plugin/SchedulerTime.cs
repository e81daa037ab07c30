using Akka.Actor;

namespace Engine.Persistence.Plugin;

/// <summary>
/// The plugin's clock: wall time from the actor system's scheduler (<see cref="IScheduler.Now"/>, virtual under the
/// TestKit's TestScheduler), monotonic timestamps and timers from the base <see cref="TimeProvider"/>. The journal
/// uses timers only for group-commit lingering and the live-query poll, which are I/O pacing, not business time.
/// </summary>
internal sealed class SchedulerTime(IScheduler scheduler) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => scheduler.Now;
}
