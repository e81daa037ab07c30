using Engine.Kernel.Actors.Dispatch;
using Engine.Kernel.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Actors;

/// <summary>
/// State most actors never need, allocated on first use so that an idle actor stays small.
/// Owned by the cell's mailbox thread, except <see cref="RetryCount"/>/<see cref="WindowStart"/> which only the
/// parent's mailbox thread touches.
/// </summary>
internal sealed class CellExtras
{
    public List<Behavior>? Behaviors;
    public ActorStash? Stash;
    public Queue<Envelope>? Unstashed;
    public TimerScheduler? Timers;
    public ILogger? Log;
    public HashSet<ActorCell>? Watchers;
    public HashSet<IActorRef>? Watching;
    public HashSet<IActorRef>? TerminatedQueued;
    public HashSet<ActorCell>? StoppingChildren;
    public Exception? PendingRecreate;
    public object? FailedMessage;
    public bool Escalated;
    public bool SubscribedToEvents;
    public ActorSynchronizationContext? AsyncContext;
    public int RetryCount;
    public DateTimeOffset? WindowStart;
}
