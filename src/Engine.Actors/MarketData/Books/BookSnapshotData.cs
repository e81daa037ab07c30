using System.Collections.Immutable;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Books;

/// <summary>A book snapshot fetched from the venue (Binance REST <c>GET /api/v3/depth</c>): its update id and levels, best first.</summary>
public sealed record BookSnapshotData(long LastUpdateId, ImmutableArray<BookLevel> Bids, ImmutableArray<BookLevel> Asks);
