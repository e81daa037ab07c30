using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Engine.Actors.Orders;

namespace Engine.Actors.Tasks;

/// <summary>
/// Akka serializer of the task journal: task-book events (bound for <c>Engine.Messages.Tasks.ITaskEvent</c>) as UTF-8
/// JSON with the stable manifests of the engine's event registry (<see cref="OrderJournalExtension"/>, which registers
/// every type of <c>EventManifests</c>). An event in an older version is returned as an <see cref="OutdatedJournalEvent"/>
/// for the journal's read event adapter to upcast, exactly like the order journal; an unknown manifest throws.
/// Identifier <see cref="SerializerIdentifier"/> (4102) is stored with every event and must never change.
/// Thread-safe: Akka calls it from any thread.
/// </summary>
public sealed class TaskJournalSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's fixed identifier.</summary>
    public const int SerializerIdentifier = 4102;

    private readonly ExtendedActorSystem _system;
    private OrderJournalExtension? _journal;

    /// <summary>Created by Akka from the <c>akka.actor.serializers</c> configuration.</summary>
    public TaskJournalSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _system = system;
    }

    /// <inheritdoc />
    public override int Identifier => SerializerIdentifier;

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
        return Journal.IsOutdatedEvent(manifest) ? new OutdatedJournalEvent(manifest, payload) : Journal.Read(manifest, payload);
    }
}
