namespace Engine.Kernel.Actors.Supervision;

/// <summary>
/// How a parent handles a failed child: a decider (exception to directive) and a restart budget
/// (<see cref="MaxNrOfRetries"/> within <see cref="WithinTimeRange"/>, measured on the system TimeProvider; when the
/// budget is exhausted a restart becomes a stop). Strategies are immutable and stateless: the restart statistics live
/// with each child, so one strategy instance may be shared.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
    }

    /// <summary>Restart on any exception except <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>, which stop.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(
        -1,
        Timeout.InfiniteTimeSpan,
        Supervision.Decider.From(
            Directive.Restart,
            (typeof(ActorInitializationException), Directive.Stop),
            (typeof(ActorKilledException), Directive.Stop),
            (typeof(DeathPactException), Directive.Stop)));

    /// <summary>Stop on any exception.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } =
        new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, static _ => Directive.Stop);

    /// <summary>Maximum restarts per child within the window; negative means unlimited, zero means never restart.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window for <see cref="MaxNrOfRetries"/>; <see cref="Timeout.InfiniteTimeSpan"/> or zero means no window.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Maps an exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Applies a Restart directive.</summary>
    private protected abstract void ProcessRestart(ActorCell parent, ActorCell child, Exception cause);

    /// <summary>Applies a Stop directive.</summary>
    private protected abstract void ProcessStop(ActorCell parent, ActorCell child);

    /// <summary>Runs on the parent's mailbox turn.</summary>
    internal void HandleFailure(ActorCell parent, ActorCell child, Exception cause)
    {
        switch (Decider(cause))
        {
            case Directive.Resume:
                child.SendSystemMessage(new Dispatch.Resume());
                break;
            case Directive.Restart:
                ProcessRestart(parent, child, cause);
                break;
            case Directive.Stop:
                ProcessStop(parent, child);
                break;
            default:
                parent.Escalate(cause);
                break;
        }
    }

    /// <summary>Counts one restart of <paramref name="child"/> and says whether the budget allows it.</summary>
    private protected bool RequestRestartPermission(ActorCell parent, ActorCell child)
    {
        if (MaxNrOfRetries < 0 && !HasWindow)
        {
            return true;
        }

        if (MaxNrOfRetries == 0)
        {
            return false;
        }

        var stats = child.Extras;
        if (!HasWindow)
        {
            stats.RetryCount++;
            return MaxNrOfRetries < 0 || stats.RetryCount <= MaxNrOfRetries;
        }

        var now = parent.System.TimeProvider.GetUtcNow();
        if (stats.WindowStart is not { } start || now - start > WithinTimeRange)
        {
            stats.WindowStart = now;
            stats.RetryCount = 1;
            return true;
        }

        stats.RetryCount++;
        return MaxNrOfRetries < 0 || stats.RetryCount <= MaxNrOfRetries;
    }

    private bool HasWindow => WithinTimeRange > TimeSpan.Zero;
}
