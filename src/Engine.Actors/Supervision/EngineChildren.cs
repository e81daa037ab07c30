using Akka.Actor;

namespace Engine.Actors.Supervision;

/// <summary>The engine's two children; a child that has stopped is <see cref="ActorRefs.Nobody"/>.</summary>
/// <param name="Connections">The connections tree (<c>/user/engine/connections</c>).</param>
/// <param name="Strategies">The strategy host (<c>/user/engine/strategies</c>).</param>
public sealed record EngineChildren(IActorRef Connections, IActorRef Strategies);
