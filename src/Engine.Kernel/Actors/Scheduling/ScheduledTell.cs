namespace Engine.Kernel.Actors.Scheduling;

/// <summary>One scheduled Tell; cancellation is checked before every delivery.</summary>
internal sealed class ScheduledTell(TimeProviderScheduler owner, IActorRef receiver, object message, IActorRef? sender, bool repeating)
    : ICancelable
{
    private volatile bool _cancelled;
    private ITimer? _timer;

    public bool IsCancellationRequested => _cancelled;

    public void Attach(ITimer timer)
    {
        Volatile.Write(ref _timer, timer);
        if (_cancelled)
        {
            timer.Dispose();
        }
    }

    public void Fire()
    {
        if (_cancelled)
        {
            return;
        }

        receiver.Tell(message, sender);
        if (!repeating)
        {
            Cancel();
        }
    }

    public void Cancel()
    {
        _cancelled = true;
        Volatile.Read(ref _timer)?.Dispose();
        owner.Forget(this);
    }
}
