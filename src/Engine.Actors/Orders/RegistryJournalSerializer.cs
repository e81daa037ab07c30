using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace Engine.Actors.Orders;

/// <summary>
/// What the engine's journal serializers share: UTF-8 JSON with the stable manifests of the system's event registry
/// (<see cref="OrderJournalExtension"/>, which registers every type of <c>EventManifests</c>); an event in an older
/// version read back as an <see cref="OutdatedJournalEvent"/> for the journal's read event adapter to upcast; an unknown
/// manifest throws. A subclass only fixes its <see cref="Serializer.Identifier"/>, stored with every payload it writes.
/// Thread-safe: Akka calls it from any thread.
/// </summary>
public abstract class RegistryJournalSerializer : SerializerWithStringManifest
{
    private readonly ExtendedActorSystem _system;
    private OrderJournalExtension? _journal;

    /// <summary>Created by Akka from the <c>akka.actor.serializers</c> configuration, through the subclass.</summary>
    protected RegistryJournalSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _system = system;
    }

    /// <summary>Resolved on first use, not in the constructor: Akka builds serializers while the system starts.</summary>
    private OrderJournalExtension Journal => _journal ??= OrderJournalExtension.Get(_system);

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Journal.Registry.SerializeToUtf8Bytes(obj);
    }

    /// <inheritdoc />
    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Journal.Registry.ManifestOf(o.GetType()).ToString();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var payload = Encoding.UTF8.GetString(bytes);
        var journal = Journal;
        return journal.IsOutdatedEvent(manifest)
            ? new OutdatedJournalEvent(manifest, payload)
            : journal.Read(manifest, payload);
    }
}
