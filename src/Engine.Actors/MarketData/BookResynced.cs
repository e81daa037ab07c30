using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// Published on the event stream by a feed session each time one of its local books is found out of line and resynced:
/// a gap in the venue's sequence, or a crossed book. For the engine's metrics; strategies see the resync itself
/// (<see cref="OrderBookSnapshot.IsResync"/>). Immutable.
/// </summary>
/// <param name="Feed">The feed.</param>
/// <param name="Symbol">The book's symbol.</param>
/// <param name="Cause"><see cref="Gap"/> or <see cref="Crossed"/>.</param>
/// <param name="Timestamp">When it was found.</param>
public sealed record BookResynced(FeedId Feed, Symbol Symbol, string Cause, DateTimeOffset Timestamp)
{
    /// <summary>The venue's sequence had a gap (or could not be joined to the snapshot).</summary>
    public const string Gap = "gap";

    /// <summary>The book crossed (best bid at or above best ask).</summary>
    public const string Crossed = "crossed";
}
