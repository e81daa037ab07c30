using Akka.Actor;

namespace Engine.Host.Runtime;

/// <summary>Completes a task when the watched actor stops, for whatever reason: how the host learns that the engine died.</summary>
public sealed class TerminationWatcher : ReceiveActor
{
    private readonly IActorRef _subject;

    /// <summary>Created by <see cref="Props"/> only.</summary>
    public TerminationWatcher(IActorRef subject, TaskCompletionSource terminated)
    {
        _subject = subject;
        Receive<Terminated>(t => t.ActorRef.Equals(_subject), _ =>
        {
            terminated.TrySetResult();
            Context.Stop(Self);
        });
    }

    /// <summary>Props watching <paramref name="subject"/> and completing <paramref name="terminated"/> when it stops.</summary>
    public static Props Props(IActorRef subject, TaskCompletionSource terminated) =>
        Akka.Actor.Props.Create(() => new TerminationWatcher(subject, terminated));

    /// <inheritdoc />
    protected override void PreStart() => Context.Watch(_subject);
}
