namespace Engine.Kernel.Actors.Supervision;

/// <summary>The backoff supervisor's child, or <see cref="ActorRefs.Nobody"/> while it is being backed off.</summary>
public sealed record CurrentChild(IActorRef Ref);
