namespace Engine.Kernel.Actors.Scheduling;

/// <summary>Keyed timers of one cell, on the system TimeProvider; all state is owned by the cell's mailbox turn.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, (ITimer Timer, TimerMessage Message, bool Periodic)> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan, periodic: false);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        Start(key, message, interval, interval, periodic: true);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval, periodic: true);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if <paramref name="message"/> comes from the key's live timer; a single timer is then retired.</summary>
    public bool TryConsume(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var entry) || entry.Message.Generation != message.Generation)
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(message.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan dueTime, TimeSpan period, bool periodic)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (periodic)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        }

        Cancel(key);
        var timerMessage = new TimerMessage(cell, key, ++_generation, message);
        var timer = cell.System.TimeProvider.CreateTimer(
            static state => ((TimerMessage)state!).Deliver(),
            timerMessage,
            dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime,
            period);
        _timers[key] = (timer, timerMessage, periodic);
    }
}
