using System.Collections.Concurrent;

namespace Engine.Kernel.Actors.Scheduling;

/// <summary>The system scheduler: every delivery is a TimeProvider timer. Pending deliveries are cancelled when the system terminates.</summary>
internal sealed class TimeProviderScheduler(TimeProvider timeProvider) : IScheduler
{
    private readonly ConcurrentDictionary<ScheduledTell, byte> _pending = new();

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, receiver, message, sender, repeating: false);

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, receiver, message, sender, repeating: true);
    }

    public void CancelAll()
    {
        foreach (var item in _pending.Keys)
        {
            item.Cancel();
        }
    }

    internal void Forget(ScheduledTell item) => _pending.TryRemove(item, out _);

    private ScheduledTell Schedule(TimeSpan delay, TimeSpan period, IActorRef receiver, object message, IActorRef? sender, bool repeating)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var item = new ScheduledTell(this, receiver, message, sender, repeating);
        _pending[item] = 0;
        var timer = timeProvider.CreateTimer(
            static state => ((ScheduledTell)state!).Fire(),
            item,
            delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
            period);
        item.Attach(timer);
        return item;
    }
}
