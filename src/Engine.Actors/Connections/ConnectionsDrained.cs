using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Connections;

/// <summary>Answer to <see cref="DrainConnections"/>: every connection has logged out and closed, or was already gone.</summary>
/// <param name="Drained">Logins that drained in order.</param>
/// <param name="NotDrained">Logins that did not answer before the supervisor's deadline (stopped, restarting, or stuck).</param>
public sealed record ConnectionsDrained(ImmutableArray<LoginId> Drained, ImmutableArray<LoginId> NotDrained)
{
    /// <summary>Per login, the orders the drain left open or unknown (client id, status, venue id where known).</summary>
    public ImmutableDictionary<LoginId, ImmutableArray<string>> Leftovers { get; init; } = ImmutableDictionary<LoginId, ImmutableArray<string>>.Empty;

    /// <summary>True when every login drained and left nothing open or unknown.</summary>
    public bool IsComplete => NotDrained.IsEmpty && Leftovers.IsEmpty;
}
