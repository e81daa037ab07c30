namespace Engine.Kernel.Actors;

/// <summary>
/// A handle to an actor. Telling is thread-safe, never blocks and never throws for a dead target:
/// messages to a stopped actor become <see cref="DeadLetter"/>s on the event stream.
/// Two refs are equal when they have the same path and the same incarnation uid.
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's location in the tree; stable across restarts, reused by a new actor only after this one died.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Enqueues <paramref name="message"/>. Messages from one sender to one receiver arrive in send order.
    /// A null <paramref name="sender"/> sent from inside an actor's handler means that actor (as in Akka).
    /// </summary>
    void Tell(object message, IActorRef? sender = null);
}
