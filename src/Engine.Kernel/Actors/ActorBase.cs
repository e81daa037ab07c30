using Engine.Kernel.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Actors;

/// <summary>
/// Base of every actor. An instance is created by the runtime from <see cref="Props"/> (never with <c>new</c> elsewhere)
/// and is only ever called by one thread at a time: handlers and lifecycle hooks never overlap, and each sees the writes
/// of the previous one. A restart creates a new instance; the ref, the mailbox and the children's names survive.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException("An actor can only be created by ActorOf(Props), never with new.");
    }

    /// <summary>This actor's ref.</summary>
    protected IActorRef Self => _cell;

    /// <summary>The sender of the message being handled; dead letters when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The actor's view of the runtime.</summary>
    protected IActorContext Context => _cell;

    /// <summary>Keyed timers delivering to this actor; all cancelled on restart and stop.</summary>
    protected ITimerScheduler Timers => _cell.Timers;

    /// <summary>The stash; always available (allocated on first use).</summary>
    protected IStash Stash => _cell.Stash;

    /// <summary>A logger named after the actor type whose entries carry the <c>ActorPath</c> scope.</summary>
    protected ILogger Log => _cell.Log;

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message; returns false if it was not handled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Runs before the first message of each incarnation (through <see cref="PostRestart"/> after a restart).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once when the actor stops, after all its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart. Default: stop all children, then <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. Default: <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Called for messages no behaviour handled. Default: an unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated t)
        {
            throw new DeathPactException($"{Self.Path} did not handle Terminated for {t.ActorRef.Path}.");
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    /// <summary>How this actor supervises its children. Default: the Props' strategy, else the default strategy.</summary>
    protected virtual Supervision.SupervisorStrategy SupervisorStrategy() =>
        _cell.Props.SupervisorStrategy ?? Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Runs one message through the current behaviour (<paramref name="behavior"/>, or <see cref="Receive"/> when the
    /// behaviour stack is empty). A hook for runtime extensions in this assembly (e.g. persistence recovery).
    /// </summary>
    internal virtual bool AroundReceive(Behavior? behavior, object message) =>
        behavior is null ? Receive(message) : behavior(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal Supervision.SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
