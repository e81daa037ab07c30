using System.Collections.Immutable;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>One event as <see cref="SwitchableStorage"/> keeps it: serialized payload, event adapter manifest and tags.</summary>
public sealed record StoredEvent(
    long SequenceNr,
    int SerializerId,
    string SerializerManifest,
    byte[] Bytes,
    string AdapterManifest,
    ImmutableSortedSet<string> Tags,
    string WriterGuid,
    long Timestamp);
