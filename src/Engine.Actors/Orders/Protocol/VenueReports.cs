using System.Collections.Immutable;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: order and fill reports decoded from one venue frame, in frame order. The book
/// binds them to its orders (holding reports for venue ids not yet revealed), de-duplicates, persists, then
/// publishes.
/// </summary>
/// <param name="Updates">Reports keyed by venue order id.</param>
public sealed record VenueReports(ImmutableArray<VenueOrderUpdate> Updates);
