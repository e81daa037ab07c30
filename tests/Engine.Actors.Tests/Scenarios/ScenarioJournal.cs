using Akka.Configuration;
using Engine.Actors.Orders;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// The database under a scenario's journal: the engine's default journal and snapshot store (the engine's
/// Akka.Persistence plugin) on a SQLite file in a temp dir (<see cref="Sqlite"/>), or on a schema of its own on the
/// <c>ENGINE_TEST_PG</c> server (<see cref="PostgreSql"/>; the plugin creates the schema when it opens). Disposing
/// deletes the file, or drops the schema.
/// </summary>
public sealed class ScenarioJournal : IAsyncDisposable
{
    private readonly DirectoryInfo? _directory;
    private readonly string? _server;

    private ScenarioJournal(JournalOptions journal, SnapshotStoreOptions snapshots, DirectoryInfo? directory, string? server)
    {
        Journal = journal;
        Snapshots = snapshots;
        _directory = directory;
        _server = server;
    }

    public JournalOptions Journal { get; }

    public SnapshotStoreOptions Snapshots { get; }

    /// <summary>A SQLite file in a new temp dir.</summary>
    public static ScenarioJournal Sqlite()
    {
        var directory = Directory.CreateTempSubdirectory("scenario-journal-");
        var sqlite = new SqliteOptions { Path = Path.Combine(directory.FullName, "engine.db") };
        return new ScenarioJournal(new JournalOptions { Sqlite = sqlite }, new SnapshotStoreOptions { Sqlite = sqlite }, directory, server: null);
    }

    /// <summary>A new schema on the server of <paramref name="connectionString"/> (<see cref="PostgreSqlFactAttribute.ConnectionString"/>).</summary>
    public static ScenarioJournal PostgreSql(string connectionString)
    {
        var postgreSql = new PostgreSqlOptions { ConnectionString = connectionString, Schema = "scenario_" + Guid.NewGuid().ToString("N") };
        return new ScenarioJournal(
            new JournalOptions { Database = "postgresql", PostgreSql = postgreSql },
            new SnapshotStoreOptions { Database = "postgresql", PostgreSql = postgreSql },
            directory: null,
            connectionString);
    }

    /// <summary>
    /// Akka's persistence config on this database, with the order and task journals' serializers and adapters. The
    /// plugins' Akka-side timeouts run on the test's virtual scheduler: they are set beyond any scenario's virtual time.
    /// </summary>
    public Akka.Configuration.Config AkkaConfig() =>
        ConfigurationFactory.ParseString("""
                akka.persistence.journal.engine { circuit-breaker.call-timeout = 1d, recovery-event-timeout = 1d }
                akka.persistence.snapshot-store.engine.circuit-breaker.call-timeout = 1d
                """)
            .WithFallback(PersistenceHocon.Build(Journal, Snapshots))
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]))
            .WithFallback(Engine.Actors.Tasks.TaskJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await using var dataSource = NpgsqlDataSource.Create(_server);
            await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{Journal.PostgreSql.Schema}\" CASCADE");
            await command.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }

        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                _directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A handle still open elsewhere may hold the file; the OS temp cleanup takes it.
            }
        }
    }
}
