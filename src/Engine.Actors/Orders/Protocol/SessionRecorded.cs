using System.Collections.Immutable;

namespace Engine.Actors.Orders.Protocol;

/// <summary>Order book → connection: the <see cref="EndSession"/> is journaled.</summary>
/// <param name="Leftovers">Each order left behind, for people: client id, status and venue id where known; empty when none.</param>
public sealed record SessionRecorded(ImmutableArray<string> Leftovers);
