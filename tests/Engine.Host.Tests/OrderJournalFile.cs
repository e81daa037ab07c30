using Akka.Actor;
using Akka.Configuration;
using Engine.Actors.Orders;
using Engine.Messages.Orders;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using AkkaConfig = Akka.Configuration.Config;

namespace Engine.Host.Tests;

/// <summary>
/// Writes order journals the way the engine does: an actor system configured like <c>engine run</c>
/// (<see cref="PersistenceHocon"/> and <see cref="OrderJournal.AkkaConfig"/>), one persistent actor per login
/// (<c>orders/&lt;login&gt;</c>) persisting the events through the configured Akka.Persistence plugin.
/// </summary>
internal static class OrderJournalFile
{
    /// <summary>The engine plugin (or <paramref name="plugin"/>) on the SQLite file <paramref name="path"/>.</summary>
    public static JournalOptions Sqlite(string path, string plugin = "engine") =>
        new() { Plugin = plugin, Database = "sqlite", Sqlite = new SqliteOptions { Path = path, Synchronous = SqliteSynchronous.Normal } };

    /// <summary>The snapshot store beside <paramref name="journal"/> (same plugin and database).</summary>
    public static SnapshotStoreOptions SnapshotsBeside(JournalOptions journal) =>
        new() { Plugin = journal.ResolvedPlugin(), Database = journal.ResolvedDatabase(), Sqlite = journal.Sqlite, PostgreSql = journal.PostgreSql };

    /// <summary>What <c>engine run</c> gives Akka for <paramref name="journal"/>, quiet.</summary>
    public static AkkaConfig AkkaConfigFor(JournalOptions journal) =>
        ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING")
            .WithFallback(PersistenceHocon.Build(journal, SnapshotsBeside(journal)))
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]));

    /// <summary>Persists <paramref name="events"/> in order through a short-lived actor system, then terminates it.</summary>
    public static async Task WriteAsync(JournalOptions journal, IEnumerable<IOrderEvent> events)
    {
        await PersistenceHocon.PrepareAsync(journal, SnapshotsBeside(journal));
        var system = ActorSystem.Create("journal-writer", AkkaConfigFor(journal));
        try
        {
            await WriteAsync(system, events);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Persists <paramref name="events"/> in order through <paramref name="system"/>'s default journal.</summary>
    public static async Task WriteAsync(ActorSystem system, IEnumerable<IOrderEvent> events)
    {
        var writers = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var persistenceId = OrderJournal.PersistenceIdOf(e.Login);
            if (!writers.TryGetValue(persistenceId, out var writer))
            {
                writer = system.ActorOf(JournalWriterActor.Props(persistenceId));
                writers[persistenceId] = writer;
            }

            await writer.Ask<JournalWriterActor.Written>(new[] { e }, TimeSpan.FromSeconds(30));
        }

        foreach (var writer in writers.Values)
        {
            await writer.GracefulStop(TimeSpan.FromSeconds(10));
        }
    }
}
