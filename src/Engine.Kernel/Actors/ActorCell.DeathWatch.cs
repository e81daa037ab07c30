using Engine.Kernel.Actors.Dispatch;

namespace Engine.Kernel.Actors;

/// <summary>
/// DeathWatch. A watch is recorded on both sides; the notification becomes a <see cref="Terminated"/> user message
/// only if the subject is still watched, and that message is handled only if no Unwatch came in between, so each
/// watch yields at most one Terminated.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, this))
        {
            return subject;
        }

        var watching = Extras.Watching ??= [];
        if (!watching.Add(subject))
        {
            return subject;
        }

        if (subject is ActorCell cell)
        {
            cell.SendSystemMessage(new Dispatch.Watch(this));
        }
        else
        {
            SendSystemMessage(new DeathWatchNotification(subject, existenceConfirmed: false));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var extras = _extras;
        if (extras?.Watching?.Remove(subject) == true && subject is ActorCell cell)
        {
            cell.SendSystemMessage(new Dispatch.Unwatch(this));
        }

        extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private void AddWatcher(ActorCell watcher)
    {
        if (IsClosed)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
            return;
        }

        (Extras.Watchers ??= []).Add(watcher);
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        if (notification.Actor is ActorCell cell && ReferenceEquals(cell._parent, this))
        {
            HandleChildTerminated(cell);
        }

        var extras = _extras;
        if (extras?.Watching?.Remove(notification.Actor) == true && !IsTerminating)
        {
            (extras.TerminatedQueued ??= []).Add(notification.Actor);
            Tell(new Terminated(notification.Actor, notification.ExistenceConfirmed), notification.Actor);
        }
    }

    private bool ConsumeQueuedTerminated(IActorRef actor) => _extras?.TerminatedQueued?.Remove(actor) == true;
}
