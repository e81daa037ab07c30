using Akka.Actor;

namespace Engine.Actors.Cluster;

/// <summary>
/// Published on the node's own event stream by an actor that starts (or restarts) after some logins may already run here:
/// every <see cref="LoginEntity"/> running on this node answers <paramref name="ReplyTo"/> with its <see cref="LoginHosted"/>.
/// </summary>
/// <param name="ReplyTo">Who gets the answers.</param>
public sealed record WhoIsHosted(IActorRef ReplyTo);
