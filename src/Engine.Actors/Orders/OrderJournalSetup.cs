using Akka.Actor.Setup;
using Engine.Persistence.Serialization;

namespace Engine.Actors.Orders;

/// <summary>
/// Optional: the manifest registry the order journal's serializer and upcaster use in one actor system, e.g. one with
/// <see cref="IEventUpcaster"/>s for old event versions. Pass it in the system's <c>ActorSystemSetup</c>; without it
/// the system uses <see cref="OrderJournal.CreateRegistry"/>. The registry must resolve every type the serializer is
/// bound to (<see cref="OrderJournal.Register"/> adds them).
/// </summary>
/// <param name="Registry">The registry; register everything, upcasters included, before the system starts.</param>
public sealed class OrderJournalSetup(EventManifestRegistry Registry) : Setup
{
    /// <summary>The registry of the system's order journal.</summary>
    public EventManifestRegistry Registry { get; } = Registry ?? throw new ArgumentNullException(nameof(Registry));
}
