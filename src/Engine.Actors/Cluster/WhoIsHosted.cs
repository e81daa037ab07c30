using Akka.Actor;

namespace Engine.Actors.Cluster;

/// <summary>
/// Published on the node's own event stream by an actor that starts after some logins may already run here: the
/// <see cref="LoginEventRelay"/> answers <paramref name="ReplyTo"/> with one <see cref="LoginHosted"/> per login it hosts.
/// </summary>
/// <param name="ReplyTo">Who gets the answers.</param>
public sealed record WhoIsHosted(IActorRef ReplyTo);
