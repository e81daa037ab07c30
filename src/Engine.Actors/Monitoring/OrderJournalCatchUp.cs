using Engine.Actors.Orders;
using Engine.Persistence.Query;
using Engine.Persistence.Serialization;
using Engine.Messages;

namespace Engine.Actors.Monitoring;

/// <summary>
/// Reads every order-book event already in the journal (tag <see cref="OrderJournal.Tag"/>, from the start, in commit
/// order) and deserializes it with the registry the engine writes with. This is how the status board catches up after
/// a restart: recovered order books publish nothing for what they recovered. Stateless; safe from any thread as long
/// as the journal and registry are.
/// </summary>
public static class OrderJournalCatchUp
{
    /// <summary>The journaled engine events, oldest first; stored values that are not engine events are skipped.</summary>
    /// <exception cref="UnknownManifestException">An event's manifest is not in <paramref name="registry"/>.</exception>
    public static async Task<IReadOnlyList<IEngineEvent>> ReadAsync(IReadJournal journal, EventManifestRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(registry);
        var events = new List<IEngineEvent>();
        await foreach (var envelope in journal.CurrentEventsByTag(OrderJournal.Tag, 0, cancellationToken))
        {
            var stored = envelope.Event;
            if (registry.Deserialize(stored.Manifest, stored.Payload, stored.PersistenceId) is IEngineEvent engineEvent)
            {
                events.Add(engineEvent);
            }
        }

        return events;
    }
}
