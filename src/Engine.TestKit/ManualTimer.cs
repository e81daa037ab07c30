namespace Engine.TestKit;

/// <summary>A timer of a <see cref="ManualTimeProvider"/>; its schedule is guarded by the provider's lock.</summary>
internal sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state, long order) : ITimer
{
    public long Order { get; } = order;

    public DateTimeOffset Due { get; set; }

    public TimeSpan? Period { get; set; }

    private volatile bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        owner.Arm(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose()
    {
        _disposed = true;
        owner.Disarm(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
