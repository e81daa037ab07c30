using System.Runtime.InteropServices;
using System.Text;

namespace Engine.Persistence.Serialization;

/// <summary>The bytes of the payload column, shared by the journal's events and the snapshots.</summary>
internal static class StoredPayload
{
    /// <summary>
    /// <paramref name="binary"/> when <paramref name="serializerId"/> is set, else the UTF-8 of <paramref name="text"/>.
    /// A binary payload that is a whole array is stored as that array, not a copy (a snapshot's can be tens of MB):
    /// payloads are never changed once serialized, and the databases copy what they bind.
    /// </summary>
    public static byte[] Of(int? serializerId, string text, ReadOnlyMemory<byte> binary) =>
        serializerId is null ? Encoding.UTF8.GetBytes(text)
        : MemoryMarshal.TryGetArray(binary, out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length ? array
        : binary.ToArray();
}
