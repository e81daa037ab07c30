namespace Engine.Kernel.Actors;

/// <summary>
/// The temporary ref behind one <c>Ask</c>: the first message told to it completes the task (later ones are dropped);
/// a timer on the system clock fails it with <see cref="AskTimeoutException"/>.
/// </summary>
internal sealed class AskRef<T> : ActorRefBase
{
    private readonly ActorSystem _system;
    private readonly ActorPath _path;
    private readonly int _uid;
    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    public AskRef(ActorSystem system, IActorRef target, Type messageType)
    {
        _system = system;
        _path = system.NextTempPath();
        _uid = system.NextUid();
        _target = target;
        _messageType = messageType;
    }

    public Task<T> Task => _promise.Task;

    public override ActorPath Path => _path;

    public override int Uid => _uid;

    public override ActorSystem System => _system;

    public void Arm(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _timer = _system.TimeProvider.CreateTimer(
            static state => ((AskRef<T>)state!).Expire(),
            this,
            timeout,
            Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(
                static state => ((AskRef<T>)state!).Cancelled(),
                this);
        }
    }

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message switch
        {
            T typed => _promise.TrySetResult(typed),
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            _ => _promise.TrySetException(new InvalidCastException(
                $"Ask of {_messageType.FullName} to {_target.Path} expected a reply of type {typeof(T).FullName} but received {message.GetType().FullName}.")),
        };
        if (completed)
        {
            Cleanup();
        }
    }

    private void Expire()
    {
        if (_promise.TrySetException(new AskTimeoutException(
            $"Ask of {_messageType.FullName} to {_target.Path} timed out: no reply within the ask timeout.")))
        {
            Cleanup();
        }
    }

    private void Cancelled()
    {
        if (_promise.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _registration.Dispose();
    }
}
