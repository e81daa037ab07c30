namespace Engine.Kernel.Actors.Scheduling;

/// <summary>Schedules Tells on the system's TimeProvider (virtual time in tests). Thread-safe.</summary>
public interface IScheduler
{
    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once, after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Tells after <paramref name="initialDelay"/>, then every <paramref name="interval"/>, until cancelled or the system terminates.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null);
}
