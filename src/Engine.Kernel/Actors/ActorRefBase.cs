namespace Engine.Kernel.Actors;

/// <summary>Base of every kernel ref: equality by path and incarnation uid.</summary>
internal abstract class ActorRefBase : IActorRef, IEquatable<ActorRefBase>
{
    public abstract ActorPath Path { get; }

    /// <summary>Incarnation number: distinguishes an actor from a later one with the same path.</summary>
    public abstract int Uid { get; }

    /// <summary>The owning system, or null for refs that belong to none (<see cref="ActorRefs.Nobody"/>).</summary>
    public abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender = null);

    public bool Equals(ActorRefBase? other) =>
        other is not null && (ReferenceEquals(this, other) || (other.Uid == Uid && other.Path.Equals(Path)));

    public override bool Equals(object? obj) => obj is ActorRefBase other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Uid, Path.Name);

    public override string ToString() => $"[{Path}#{Uid}]";
}
