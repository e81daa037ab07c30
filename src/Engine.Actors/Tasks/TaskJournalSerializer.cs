using Akka.Actor;
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
public sealed class TaskJournalSerializer : RegistryJournalSerializer
{
    /// <summary>The serializer's fixed identifier.</summary>
    public const int SerializerIdentifier = 4102;

    /// <summary>Created by Akka from the <c>akka.actor.serializers</c> configuration.</summary>
    public TaskJournalSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc />
    public override int Identifier => SerializerIdentifier;
}
