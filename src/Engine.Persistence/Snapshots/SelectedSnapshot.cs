namespace Engine.Persistence.Snapshots;

/// <summary>
/// A stored snapshot: its metadata plus the serialized state. Engine JSON snapshots carry their text in
/// <paramref name="Payload"/> (<see cref="SerializerId"/> null); the Akka.Persistence plugin stores Akka-serialized
/// bytes in <see cref="Binary"/> with their serializer id. Stored verbatim either way.
/// </summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, string Manifest, string Payload)
{
    /// <summary>The Akka serializer id of <see cref="Binary"/>, or null for JSON text in <see cref="Payload"/>.</summary>
    public int? SerializerId { get; init; }

    /// <summary>The serialized state when <see cref="SerializerId"/> is set.</summary>
    public ReadOnlyMemory<byte> Binary { get; init; }

    /// <summary>The bytes stored in the payload column.</summary>
    internal byte[] StoredPayload() => Serialization.StoredPayload.Of(SerializerId, Payload, Binary);

    /// <summary>Rebuilds a snapshot from the stored columns; the inverse of <see cref="StoredPayload"/>.</summary>
    internal static SelectedSnapshot FromStored(SnapshotMetadata metadata, string manifest, byte[] payload, int? serializerId) =>
        serializerId is null
            ? new(metadata, manifest, System.Text.Encoding.UTF8.GetString(payload))
            : new(metadata, manifest, string.Empty) { SerializerId = serializerId, Binary = payload };
}
