using Akka.Actor;

namespace Engine.Persistence.Plugin;

/// <summary>
/// Akka serialization of journal and snapshot payloads: the serializer bound to the payload's type in HOCON, its id
/// and its manifest (string manifest, or the type name when the serializer asks for one). Stateless.
/// </summary>
internal static class AkkaPayload
{
    /// <summary>Serializes <paramref name="payload"/> with the serializer bound to its type.</summary>
    public static (int SerializerId, string Manifest, byte[] Bytes) Serialize(ActorSystem system, object payload)
    {
        var serializer = system.Serialization.FindSerializerFor(payload);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, payload);
        return (serializer.Identifier, manifest, serializer.ToBinary(payload));
    }

    /// <summary>The payload stored by <see cref="Serialize"/>.</summary>
    public static object Deserialize(ActorSystem system, int serializerId, string manifest, ReadOnlyMemory<byte> bytes) =>
        system.Serialization.Deserialize(bytes.ToArray(), serializerId, manifest);
}
