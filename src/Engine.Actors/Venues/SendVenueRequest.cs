namespace Engine.Actors.Venues;

/// <summary>
/// The login's book → its connection: send <paramref name="Request"/> (a venue-specific request the book built, such
/// as a DBot RPC) through the budget and the correlator. The connection answers the sender with exactly one
/// <see cref="VenueRequestOutcome"/> carrying <paramref name="Context"/>. A book journals its intent before it sends this.
/// </summary>
/// <param name="Request">What to send.</param>
/// <param name="Context">The book's own reference, handed back unchanged with the outcome.</param>
public sealed record SendVenueRequest(VenueRequest Request, object Context);
