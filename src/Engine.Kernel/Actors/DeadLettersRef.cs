namespace Engine.Kernel.Actors;

/// <summary>The system's dead-letter office: everything told to it is published as a <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLettersRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    public override ActorPath Path => path;

    public override int Uid => 0;

    public override ActorSystem System => system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.PublishDeadLetter(message, sender ?? ActorCell.Current, this);
    }
}
