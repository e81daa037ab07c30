using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>Published on the node's own event stream when a login's entity stops on this node (it moves, or the node stops).</summary>
/// <param name="Login">The login.</param>
public sealed record LoginReleased(LoginId Login);
