using System.Collections.Immutable;
using Akka.Actor;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>The logins running on one node, by name.</summary>
/// <param name="Node">The node.</param>
/// <param name="Logins">Its logins, sorted.</param>
public sealed record HostedLogins(Address Node, ImmutableArray<LoginId> Logins);
