using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>
/// Starts a login's sharded entity wherever the shard coordinator places it, or does nothing when it already runs. Every
/// node sends it for every enabled login at start-up, so a whole cluster started from scratch runs each login once.
/// </summary>
/// <param name="Login">The login.</param>
public sealed record StartLogin(LoginId Login);
