namespace Engine.Kernel.Actors;

/// <summary>
/// The actor's view of the runtime. Use only from the actor's own handlers and lifecycle hooks
/// (the runtime guarantees they never run concurrently); <see cref="Self"/> may be captured and used anywhere.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's ref; stable across restarts.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being handled; dead letters when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent; dead letters for the root guardian.</summary>
    IActorRef Parent { get; }

    /// <summary>The owning system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>Live children (children being stopped included until they are gone).</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>Creates a child. A null name generates a unique <c>$...</c> name.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The child with that name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Stops an actor asynchronously: it finishes its current message, stops its children, runs PostStop.</summary>
    void Stop(IActorRef actor);

    /// <summary>Requests exactly one <see cref="Terminated"/> for <paramref name="subject"/> (also if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Cancels a watch; a Terminated not yet handled is suppressed.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour (top of the behaviour stack).</summary>
    void Become(Behavior behavior);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Behavior behavior);

    /// <summary>Pops the behaviour stack; the actor's own <c>Receive</c> is the bottom.</summary>
    void UnbecomeStacked();

    /// <summary>Same as <see cref="UnbecomeStacked"/> (Akka's name).</summary>
    void Unbecome();
}
