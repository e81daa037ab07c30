namespace Engine.Kernel.Actors.Supervision;

/// <summary>
/// Restart and Stop apply to all children of the parent (Resume only to the failed one). A restart is allowed only if
/// every child's budget allows it; otherwise all children stop.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Unlimited restarts with the given decider.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    private protected override void ProcessRestart(ActorCell parent, ActorCell child, Exception cause)
    {
        var children = parent.ChildCells();
        var allowed = true;
        foreach (var c in children)
        {
            allowed &= RequestRestartPermission(parent, c);
        }

        foreach (var c in children)
        {
            if (allowed)
            {
                c.SendSystemMessage(new Dispatch.Recreate(cause));
            }
            else
            {
                parent.StopChild(c);
            }
        }
    }

    private protected override void ProcessStop(ActorCell parent, ActorCell child)
    {
        foreach (var c in parent.ChildCells())
        {
            parent.StopChild(c);
        }
    }
}
