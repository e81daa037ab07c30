namespace Engine.Kernel.Actors;

/// <summary>Ask and Forward on refs.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary ref as sender and completes with the first reply. A reply of
    /// the wrong type fails with <see cref="InvalidCastException"/>, a <see cref="Status.Failure"/> with its cause, and
    /// no reply within <paramref name="timeout"/> (default: the system's AskTimeout, on the system clock) with
    /// <see cref="AskTimeoutException"/> naming the target and message type.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (target is not ActorRefBase { System: { } system })
        {
            return Task.FromException<T>(new AskTimeoutException($"Ask of {message.GetType().FullName} to {target.Path}: the target can never reply."));
        }

        var effective = timeout ?? system.Options.AskTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(effective, TimeSpan.Zero, nameof(timeout));
        var ask = new AskRef<T>(system, target, message.GetType());
        ask.Arm(effective, cancellationToken);
        target.Tell(message, ask);
        return ask.Task;
    }

    /// <summary><see cref="Ask{T}"/> accepting any reply type.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        target.Ask<object>(message, timeout, cancellationToken);

    /// <summary>Tells <paramref name="message"/> keeping the original sender of the message being handled.</summary>
    public static void Forward(this IActorRef target, object message, IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        target.Tell(message, context.Sender);
    }
}
