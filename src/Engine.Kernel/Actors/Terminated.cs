namespace Engine.Kernel.Actors;

/// <summary>
/// Delivered exactly once to each watcher of <paramref name="ActorRef"/> after it stopped (after its children and its
/// own PostStop). <paramref name="ExistenceConfirmed"/> is false when the actor was already dead when watched.
/// </summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed);
