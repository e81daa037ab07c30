using System.Buffers;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Venues;

/// <summary>
/// The seam between the shared connection and one venue's wire format, one instance per login. The
/// connection asks for frames (<see cref="Encode"/>), registers the key with the correlator, decodes every
/// incoming frame (<see cref="Decode"/>) and, once a reply matched its request, maps it
/// (<see cref="MapReply"/>). Session frames (login, ping, subscribe) belong to the venue's connection
/// behaviour, not here. Implementations are pure apart from the session they were given.
/// </summary>
public interface IVenueCodec
{
    /// <summary>Which venue this is.</summary>
    VenueId Venue { get; }

    /// <summary>
    /// Writes one frame for <paramref name="request"/> carrying <paramref name="correlationKey"/> and returns
    /// the venue operation name (for deadlines, weights and logs); or returns an error for people and writes
    /// nothing when the venue cannot take the request (then nothing must be sent).
    /// </summary>
    Mapped<string> Encode(VenueRequest request, string correlationKey, IBufferWriter<byte> output);

    /// <summary>The budget weight of <paramref name="request"/> in the venue's units.</summary>
    int WeightOf(VenueRequest request);

    /// <summary>Decodes one incoming frame; never throws.</summary>
    VenueInbound Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt);

    /// <summary>Maps a matched reply to a venue-neutral answer, given the request it answers; never throws.</summary>
    VenueReply MapReply(VenueInbound reply, VenueRequest request);
}
