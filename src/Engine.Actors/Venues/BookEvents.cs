using System.Collections.Immutable;
using Engine.Messages;

namespace Engine.Actors.Venues;

/// <summary>
/// Connection → the login's book: events decoded from one venue push that the book journals, de-duplicates and only
/// then publishes (DBot trade results), in frame order.
/// </summary>
public sealed record BookEvents(ImmutableArray<IEngineEvent> Events);
