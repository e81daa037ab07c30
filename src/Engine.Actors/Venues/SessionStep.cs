using System.Collections.Immutable;

namespace Engine.Actors.Venues;

/// <summary>The result of <see cref="IVenueConnectionBehavior.Interpret"/> for one frame.</summary>
/// <param name="Signals">Session facts, in the order they must be applied (released buffered states included).</param>
/// <param name="Forward">The frame to correlate and route to the book, or null when it was consumed or belongs to another session.</param>
public sealed record SessionStep(ImmutableArray<SessionSignal> Signals, VenueInbound? Forward)
{
    /// <summary>A frame that is not session business.</summary>
    public static SessionStep Pass(VenueInbound inbound) => new([], inbound);

    /// <summary>A frame that was consumed (or dropped) with no signal.</summary>
    public static SessionStep Consumed { get; } = new([], null);
}
