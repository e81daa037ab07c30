using System.Collections.Immutable;
using Engine.Actors.Orders;
using Engine.Messages;

namespace Engine.Actors.Venues;

/// <summary>
/// What one incoming frame means, before correlation. A reply has a <see cref="CorrelationKey"/> and a
/// venue-specific <see cref="ReplyPayload"/> for <see cref="IVenueCodec.MapReply"/>; a push carries order
/// updates (bound to orders by the book) and account or connection events. Anything else is a
/// <see cref="Problem"/> to log and count.
/// </summary>
public sealed record VenueInbound
{
    /// <summary>An inbound that means nothing to the engine (for example a pong).</summary>
    public static readonly VenueInbound Empty = new();

    /// <summary>The reply's correlation key; null for pushes. An empty key belongs to no request.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>The venue's wire reply, handed back to <see cref="IVenueCodec.MapReply"/> after the match.</summary>
    public object? ReplyPayload { get; init; }

    /// <summary>The venue session the frame belongs to (quant gateway token), for connections that share a socket.</summary>
    public string? Session { get; init; }

    /// <summary>Order and fill reports, keyed by venue order id.</summary>
    public ImmutableArray<VenueOrderUpdate> OrderUpdates { get; init; } = [];

    /// <summary>Balance, position and connection state events, ready to persist and publish.</summary>
    public ImmutableArray<IEngineEvent> Events { get; init; } = [];

    /// <summary>Events the login's book must journal and de-duplicate before they are published (DBot trade results).</summary>
    public ImmutableArray<IEngineEvent> BookEvents { get; init; } = [];

    /// <summary>True for a heartbeat answer (pong).</summary>
    public bool IsHeartbeat { get; init; }

    /// <summary>An unattributable venue error or an unreadable frame, for people; null otherwise.</summary>
    public string? Problem { get; init; }
}
