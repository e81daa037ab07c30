using Engine.Kernel.Actors.Dispatch;

namespace Engine.Kernel.Actors;

/// <summary>Creation, failure, restart and termination of the actor instance.</summary>
internal sealed partial class ActorCell
{
    private void HandleCreate()
    {
        _flags &= ~NotCreated;
        try
        {
            var actor = NewActorInstance();
            _actor = actor;
            actor.InvokePreStart();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException($"{_path}: creation failed: {e.Message}", e), null);
        }
    }

    /// <summary>Suspends the mailbox and asks the parent for a directive; the root stops instead.</summary>
    internal void HandleInvokeFailure(Exception cause, object? message)
    {
        KernelLog.ActorFailed(_system.KernelLogger, _path.ToString(), message?.GetType().FullName ?? "(none)", cause);
        if (IsTerminating || (_flags & FailedSuspended) != 0)
        {
            // Stopping anyway, or already waiting for the supervisor's directive: one decision per failure episode.
            return;
        }

        _flags |= FailedSuspended;
        Extras.FailedMessage = message;
        if (_parent is null)
        {
            StartTerminate();
            return;
        }

        _parent.SendSystemMessage(new Failed(this, cause));
    }

    /// <summary>Fails this actor with a child's exception (the Escalate directive).</summary>
    internal void Escalate(Exception cause)
    {
        Extras.Escalated = true;
        HandleInvokeFailure(cause, null);
    }

    private void HandleFailed(Failed failed)
    {
        if (IsTerminating || !IsLiveChild(failed.Child))
        {
            return;
        }

        var strategy = _actor?.InvokeSupervisorStrategy() ?? Supervision.SupervisorStrategy.DefaultStrategy;
        strategy.HandleFailure(this, failed.Child, failed.Cause);
    }

    private void HandleResume()
    {
        if ((_flags & FailedSuspended) == 0)
        {
            return;
        }

        _flags &= ~FailedSuspended;
        var extras = Extras;
        extras.FailedMessage = null;
        if (extras.Escalated)
        {
            extras.Escalated = false;
            foreach (var child in ChildCells())
            {
                child.SendSystemMessage(new Resume());
            }
        }
    }

    private void HandleRecreate(Exception cause)
    {
        if (IsTerminating)
        {
            return;
        }

        _flags = (_flags | FailedSuspended) & ~AsyncSuspended;
        var extras = Extras;
        extras.Timers?.CancelAll();
        extras.AsyncContext = null;
        if (_actor is { } actor)
        {
            try
            {
                actor.InvokePreRestart(cause, extras.FailedMessage);
            }
            catch (Exception e)
            {
                KernelLog.HookFailed(_system.KernelLogger, _path.ToString(), "PreRestart", e);
            }
        }

        extras.Stash?.DropToDeadLetters();
        extras.Behaviors = null;
        extras.FailedMessage = null;
        extras.Escalated = false;
        if (extras.StoppingChildren is { Count: > 0 })
        {
            extras.PendingRecreate = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        Extras.PendingRecreate = null;
        _actor = null;
        try
        {
            var actor = NewActorInstance();
            _actor = actor;
            actor.InvokePostRestart(cause);
            _flags &= ~FailedSuspended;
        }
        catch (Exception e)
        {
            _flags &= ~FailedSuspended;
            HandleInvokeFailure(new ActorInitializationException($"{_path}: restart failed: {e.Message}", e), null);
        }
    }

    /// <summary>Begins stopping: no more user messages; children are told to stop; finishes when the last is gone.</summary>
    private void StartTerminate()
    {
        if ((_flags & Terminating) != 0)
        {
            return;
        }

        Volatile.Write(ref _flags, _flags | Terminating);
        _extras?.Timers?.CancelAll();
        var children = ChildCells();
        foreach (var child in children)
        {
            StopChild(child);
        }

        if (children.Count == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var extras = _extras;
        if (_actor is { } actor)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception e)
            {
                KernelLog.HookFailed(_system.KernelLogger, _path.ToString(), "PostStop", e);
            }
        }

        _actor = null;
        if (extras is not null)
        {
            extras.Timers?.CancelAll();
            extras.Stash?.DropToDeadLetters();
            if (extras.Unstashed is { } unstashed)
            {
                while (unstashed.TryDequeue(out var item))
                {
                    _system.PublishDeadLetter(item.Message, item.Sender, this);
                }
            }

            extras.Behaviors = null;
            extras.AsyncContext = null;
        }

        Interlocked.Or(ref _status, Closed);

        if (extras?.Watching is { } watching)
        {
            foreach (var subject in watching)
            {
                (subject as ActorCell)?.SendSystemMessage(new Unwatch(this));
            }

            watching.Clear();
        }

        _parent?.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        if (extras?.Watchers is { } watchers)
        {
            foreach (var watcher in watchers)
            {
                if (!ReferenceEquals(watcher, _parent))
                {
                    watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
                }
            }

            watchers.Clear();
        }

        if (extras?.SubscribedToEvents == true)
        {
            _system.EventStream.Unsubscribe(this);
        }

        if (_parent is null)
        {
            _system.OnRootTerminated();
        }
    }
}
