namespace Engine.Kernel.Actors.Supervision;

/// <summary>
/// Keeps one child alive with exponential backoff: it creates and watches the child; when the child dies (see
/// <see cref="BackoffMode"/>) it waits <see cref="Backoff.Delay"/> on the system clock (a keyed timer, so virtual time
/// drives it in tests) and creates it again under the same name. Other messages are forwarded to the child with their
/// sender; while the child is absent they go to dead letters (no buffering: a stale order must not be replayed later).
/// </summary>
public sealed class BackoffSupervisor : ActorBase
{
    private const string StartKey = "backoff-start";
    private const string ResetKey = "backoff-reset";
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private bool _childFailed;
    private int _restartCount;

    private BackoffSupervisor(BackoffOptions options) => _options = options;

    /// <summary>Props of a backoff supervisor for <paramref name="options"/>.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    protected override void PreStart() => StartChild();

    /// <summary>Restarting the supervisor itself would lose the backoff state; its children are stopped by the default PreRestart.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => _options.Mode == BackoffMode.OnFailure
        ? new OneForOneStrategy(_ =>
        {
            _childFailed = true;
            return Directive.Stop;
        })
        : _options.ChildStrategy ?? Supervision.SupervisorStrategy.DefaultStrategy;

    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case StartChildTick:
                StartChild();
                return true;
            case ResetTick reset when reset.Child.Equals(_child):
                _restartCount = 0;
                return true;
            case ResetTick:
                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child ?? ActorRefs.Nobody));
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount));
                return true;
            default:
                if (_child is null)
                {
                    Context.System.DeadLetters.Tell(message, Sender);
                }
                else
                {
                    _child.Tell(message, Sender);
                }

                return true;
        }
    }

    private void StartChild()
    {
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetBackoffAfter is { } reset)
        {
            Timers.StartSingleTimer(ResetKey, new ResetTick(_child), reset);
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel(ResetKey);
        var failed = _childFailed;
        _childFailed = false;
        if ((_options.Mode == BackoffMode.OnFailure && !failed)
            || (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries))
        {
            Context.Stop(Self);
            return;
        }

        var random = _options.Random ?? Context.System.Random;
        TimeSpan delay;
        lock (random)
        {
            delay = Backoff.Delay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, random);
        }

        _restartCount++;
        Timers.StartSingleTimer(StartKey, StartChildTick.Instance, delay);
    }

    private sealed class StartChildTick
    {
        public static readonly StartChildTick Instance = new();
    }

    private sealed record ResetTick(IActorRef Child);
}
