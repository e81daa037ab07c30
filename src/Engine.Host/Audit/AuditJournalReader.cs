using Engine.Persistence;
using Engine.Actors.Audit;
using Engine.Actors.Orders;
using Engine.Kernel.Persistence;
using Engine.Persistence.Journal;

namespace Engine.Host.Audit;

/// <summary>
/// Reads every order-book event (tag <see cref="OrderJournal.Tag"/>) of a journal in commit order and deserializes it
/// with <see cref="OrderJournal.CreateRegistry"/>, the registry the engine writes with. Read-only use of the journal.
/// </summary>
internal static class AuditJournalReader
{
    /// <summary>Opens <paramref name="options"/>, reads all order events and closes the journal.</summary>
    /// <exception cref="FileNotFoundException">A SQLite journal file does not exist (it is never created here).</exception>
    public static async Task<IReadOnlyList<AuditedEvent>> ReadAsync(JournalOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (options.Plugin == "sqlite" && !File.Exists(options.Sqlite.Path))
        {
            throw new FileNotFoundException($"no journal at '{options.Sqlite.Path}'", options.Sqlite.Path);
        }

        var registry = OrderJournal.CreateRegistry();
        await using var journal = await PersistencePlugins.OpenJournalAsync(options, timeProvider, cancellationToken);
        var events = new List<AuditedEvent>();
        await foreach (var envelope in journal.CurrentEventsByTag(OrderJournal.Tag, 0, cancellationToken))
        {
            var stored = envelope.Event;
            var value = registry.Deserialize(stored.Manifest, stored.Payload, stored.PersistenceId);
            events.Add(new AuditedEvent(envelope.Ordering, stored.PersistenceId, stored.SequenceNr, value));
        }

        return events;
    }
}
