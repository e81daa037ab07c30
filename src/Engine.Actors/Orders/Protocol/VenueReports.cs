using System.Collections.Immutable;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: order and fill reports decoded from one venue frame, in frame order. The book
/// binds them to its orders (holding reports for venue ids not yet revealed, attributing or externalizing them),
/// checks, de-duplicates, persists, then publishes.
/// </summary>
/// <param name="Updates">Reports keyed by venue order id.</param>
public sealed record VenueReports(ImmutableArray<VenueOrderUpdate> Updates)
{
    /// <summary>The frame as received (UTF-8), journaled with a report that contradicts its order; empty when not kept.</summary>
    public ReadOnlyMemory<byte> RawFrame { get; init; }
}
