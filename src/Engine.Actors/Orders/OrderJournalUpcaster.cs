using Akka.Actor;
using Akka.Persistence.Journal;

namespace Engine.Actors.Orders;

/// <summary>
/// Read event adapter of the order journal: turns an <see cref="OutdatedJournalEvent"/> (an event in an older schema
/// version, as <see cref="OrderJournalSerializer"/> read it) into the current event type through the registry's
/// <see cref="Engine.Persistence.Serialization.IEventUpcaster"/>s, one version at a time. Also unwraps a replayed
/// <see cref="Tagged"/>: most journals store tags apart and replay the bare event, but some (Akka's in-memory journal)
/// replay the write adapter's wrapper. Anything else passes unchanged. Bound on each journal plugin, for
/// <see cref="OutdatedJournalEvent"/> and <see cref="Tagged"/>, by <see cref="OrderJournal.AkkaConfig"/>. Thread-safe.
/// </summary>
public sealed class OrderJournalUpcaster : IReadEventAdapter
{
    private readonly OrderJournalExtension _journal;

    /// <summary>Created by Akka for the journal plugin that binds it.</summary>
    public OrderJournalUpcaster(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _journal = OrderJournalExtension.Get(system);
    }

    /// <inheritdoc />
    /// <exception cref="Engine.Persistence.Serialization.UnknownManifestException">No upcaster chain reaches the current version.</exception>
    public IEventSequence FromJournal(object evt, string manifest) =>
        EventSequence.Single(_journal.ToCurrent(evt));
}
