using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.Audit;
using Engine.Actors.Orders;
using Engine.Persistence.Journal;
using Engine.Persistence;
using Engine.Persistence.Snapshots;

namespace Engine.Host.Audit;

/// <summary>
/// Reads every order-book event (tag <see cref="OrderJournal.Tag"/>) of a journal in commit order through
/// <b>Akka.Persistence.Query</b> (<c>CurrentEventsByTag</c>), whichever plugin wrote it: a short-lived actor system is
/// started with the journal's plugin configuration, the engine's serializer and read event adapters (so events arrive
/// as the engine's current types), and terminated afterwards. Read-only use of the journal.
/// </summary>
internal static class AuditJournalReader
{
    /// <summary>Reads all order events of the journal <paramref name="options"/> names.</summary>
    /// <exception cref="FileNotFoundException">A SQLite journal file does not exist (it is never created here).</exception>
    public static async Task<IReadOnlyList<AuditedEvent>> ReadAsync(JournalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ResolvedDatabase() == "sqlite" && !File.Exists(options.Sqlite.Path))
        {
            throw new FileNotFoundException($"no journal at '{options.Sqlite.Path}'", options.Sqlite.Path);
        }

        var snapshots = new SnapshotStoreOptions { Plugin = options.Plugin, Database = options.Database, Sqlite = options.Sqlite, PostgreSql = options.PostgreSql };
        var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING")
            .WithFallback(PersistenceHocon.Build(options, snapshots))
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]))
            .WithFallback(Engine.Actors.Tasks.TaskJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]));
        var system = ActorSystem.Create("audit", config);
        try
        {
            var query = PersistenceQuery.Get(system).ReadJournalFor<ICurrentEventsByTagQuery>(PersistenceHocon.ReadJournalPluginId(options));
            var envelopes = await query.CurrentEventsByTag(OrderJournal.Tag, Offset.NoOffset())
                .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer())
                .WaitAsync(cancellationToken);
            var tasks = await query.CurrentEventsByTag(Engine.Actors.Tasks.TaskJournal.Tag, Offset.NoOffset())
                .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer())
                .WaitAsync(cancellationToken);
            return [.. envelopes.Concat(tasks).Select(e => new AuditedEvent(((Sequence)e.Offset).Value, e.PersistenceId, e.SequenceNr, e.Event)).OrderBy(e => e.Ordering)];
        }
        finally
        {
            await system.Terminate();
        }
    }
}
