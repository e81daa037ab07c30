namespace Engine.Kernel.Actors.Scheduling;

/// <summary>
/// Keyed timers of one actor, delivering messages to it. Use only from the actor's own handlers. Starting a key again
/// replaces its timer, and a message already queued by the replaced or cancelled timer is never delivered. All timers
/// are cancelled when the actor restarts or stops. A single timer stops being active once its message is delivered.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Delivers <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Delivers <paramref name="message"/> every <paramref name="interval"/>, first after one interval.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Delivers <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True if a timer with this key is pending.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the key's timer, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();
}
