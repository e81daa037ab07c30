namespace Engine.Kernel.Actors.Supervision;

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Unlimited restarts with the given decider.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    private protected override void ProcessRestart(ActorCell parent, ActorCell child, Exception cause)
    {
        if (RequestRestartPermission(parent, child))
        {
            child.SendSystemMessage(new Dispatch.Recreate(cause));
        }
        else
        {
            parent.StopChild(child);
        }
    }

    private protected override void ProcessStop(ActorCell parent, ActorCell child) => parent.StopChild(child);
}
