using Akka.Actor;
using Engine.Persistence.Serialization;

namespace Engine.Actors.Orders;

/// <summary>
/// Akka serializer of the order journal: engine events (bound for <c>Engine.Messages.Orders.IOrderEvent</c>) and
/// <see cref="OrderBookSnapshot"/> as UTF-8 JSON with the explicit, stable manifests of the system's
/// <see cref="OrderJournalExtension"/> registry (<c>OrderSubmitted.v1</c>, <c>OrderBookSnapshot.v1</c>; source-generated
/// contexts, case-sensitive names), never a reflection-based default. Bound in HOCON by
/// <see cref="OrderJournal.AkkaConfig"/>.
/// <para>
/// Identifier <see cref="SerializerIdentifier"/> (4101) is stored with every event and snapshot: it must never change,
/// and no other serializer of the system may use it (Akka reserves 0..100 for itself).
/// </para>
/// <para>
/// Reading: a current version is deserialized here. An event in an older version is returned as an
/// <see cref="OutdatedJournalEvent"/> for the journal's read event adapter (<see cref="OrderJournalUpcaster"/>) to
/// upcast; a snapshot in an older version is upcast here, since snapshots do not pass through event adapters. An
/// unknown manifest, a version newer than this engine's or a payload that does not fit throws
/// <see cref="UnknownManifestException"/>, which fails the reader's recovery or query loudly.
/// </para>
/// Thread-safe: Akka calls it from any thread.
/// </summary>
public sealed class OrderJournalSerializer : RegistryJournalSerializer
{
    /// <summary>The serializer's fixed identifier, stored with every payload it writes.</summary>
    public const int SerializerIdentifier = 4101;

    /// <summary>Created by Akka from the <c>akka.actor.serializers</c> configuration.</summary>
    public OrderJournalSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc />
    public override int Identifier => SerializerIdentifier;
}
