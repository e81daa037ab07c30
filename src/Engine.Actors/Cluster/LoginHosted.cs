using Akka.Actor;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>Published on the node's own event stream when a login's entity starts on this node.</summary>
/// <param name="Login">The login.</param>
/// <param name="Node">The node's address.</param>
public sealed record LoginHosted(LoginId Login, Address Node);
