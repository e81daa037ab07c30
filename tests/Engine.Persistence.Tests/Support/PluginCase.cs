using System.Globalization;
using Akka.Configuration;
using Engine.Persistence.CrashWriter;
using Engine.Persistence.Journal;
using Engine.Persistence.Plugin;
using Engine.Persistence.Snapshots;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Engine.Persistence.Tests.Support;

/// <summary>
/// One plugin on one database for one test: a fresh SQLite file in a temporary directory, or a fresh PostgreSQL
/// schema (dropped on dispose), the options and the full HOCON (plugins, test serializer, tagging adapter).
/// </summary>
public sealed class PluginCase : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("engine-contract-").FullName;

    /// <summary>Prepares <paramref name="plugin"/> (engine, akka-sql) on <paramref name="database"/> (sqlite, postgresql, in-memory).</summary>
    public PluginCase(string plugin, string database)
    {
        Plugin = plugin;
        Database = database;
        Target = database == "postgresql"
            ? "ct_" + Guid.NewGuid().ToString("N")[..12]
            : Path.Combine(directory, "journal.db");
        (Journal, var snapshots) = CrashWriterOptions.For(plugin, database, Target, PostgreSqlTestDatabase.ConnectionString ?? string.Empty);
        Snapshots = snapshots with { KeepLatest = 0 };
        PersistenceHocon.PrepareAsync(Journal, Snapshots).GetAwaiter().GetResult();
    }

    /// <summary><c>engine</c> or <c>akka-sql</c>.</summary>
    public string Plugin { get; }

    /// <summary><c>sqlite</c>, <c>postgresql</c> or <c>in-memory</c>.</summary>
    public string Database { get; }

    /// <summary>The SQLite file or the PostgreSQL schema.</summary>
    public string Target { get; }

    /// <summary>The bound <c>engine.journal</c> options of this case.</summary>
    public JournalOptions Journal { get; }

    /// <summary>The bound <c>engine.snapshot-store</c> options of this case.</summary>
    public SnapshotStoreOptions Snapshots { get; }

    /// <summary>The journal plugin id in force.</summary>
    public string JournalPluginId => Plugin == "akka-sql" ? PersistenceHocon.SqlJournalId : EnginePluginConfig.JournalId;

    /// <summary>The actor system config of the case.</summary>
    public Akka.Configuration.Config Config()
    {
        var adapters = string.Create(CultureInfo.InvariantCulture, $$"""
            {{JournalPluginId}} {
              event-adapters { tagging = "Engine.Persistence.Tests.Support.TagWriteAdapter, Engine.Persistence.Tests" }
              event-adapter-bindings { "Engine.Persistence.Tests.Support.Evt, Engine.Persistence.Tests" = tagging }
            }
            akka.loglevel = WARNING
            akka.actor.serializers.contract = "Engine.Persistence.Tests.Support.ContractSerializer, Engine.Persistence.Tests"
            akka.actor.serialization-bindings {
              "Engine.Persistence.Tests.Support.Evt, Engine.Persistence.Tests" = contract
              "Engine.Persistence.Tests.Support.Snap, Engine.Persistence.Tests" = contract
            }
            akka.persistence.query.journal.sql.refresh-interval = 200ms
            akka.persistence.journal.engine.poll-interval = 200ms
            """);
        return ConfigurationFactory.ParseString(adapters + "\n" + CrashEventSerializer.Hocon)
            .WithFallback(PersistenceHocon.Build(Journal, Snapshots));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }

        if (Database == "postgresql" && PostgreSqlTestDatabase.ConnectionString is { } connection)
        {
            NpgsqlConnection.ClearAllPools();
            using var dataSource = NpgsqlDataSource.Create(connection);
            using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{Target}\" CASCADE;");
            drop.ExecuteNonQuery();
        }
    }
}
