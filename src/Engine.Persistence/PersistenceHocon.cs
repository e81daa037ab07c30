using System.Globalization;
using System.Text;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Engine.Persistence.Journal;
using Engine.Persistence.Plugin;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;
using AkkaConfig = Akka.Configuration.Config;

namespace Engine.Persistence;

/// <summary>
/// The <c>akka.persistence</c> HOCON for the journal and snapshot store chosen in <c>engine.journal</c> and
/// <c>engine.snapshot-store</c>: the default journal and snapshot plugins with their settings, the read journal to
/// query (<see cref="ReadJournalPluginId"/>), and the plugin's defaults as fallback. <c>engine</c> is the engine's
/// group-commit plugin (<see cref="EnginePluginConfig"/>); <c>akka-sql</c> is Akka.Persistence.Sql with SQLite through
/// Microsoft.Data.Sqlite (<c>SQLite.MS</c>) or PostgreSQL through Npgsql (<c>PostgreSQL.15</c>), tags in the tag
/// table. Connection strings are secrets: they appear only in the returned config, never in a message. Pure, except
/// <see cref="PrepareAsync"/>.
/// </summary>
public static class PersistenceHocon
{
    /// <summary>Plugin id of the Akka.Persistence.Sql journal.</summary>
    public const string SqlJournalId = "akka.persistence.journal.sql";

    /// <summary>Plugin id of the Akka.Persistence.Sql snapshot store.</summary>
    public const string SqlSnapshotStoreId = "akka.persistence.snapshot-store.sql";

    /// <summary>Plugin id of the Akka.Persistence.Sql read journal.</summary>
    public const string SqlReadJournalId = "akka.persistence.query.journal.sql";

    /// <summary>Every journal plugin id this class can configure: where event adapters are bound.</summary>
    public static IReadOnlyList<string> JournalPluginIds { get; } = [EnginePluginConfig.JournalId, SqlJournalId];

    /// <summary>The plugin and database of <paramref name="journal"/> for the log (<c>engine on sqlite</c>); never a connection string.</summary>
    public static string Describe(JournalOptions journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return $"{journal.ResolvedPlugin()} on {journal.ResolvedDatabase()}";
    }

    /// <summary>The full <c>akka.persistence</c> config (with the chosen plugins' defaults as fallback).</summary>
    public static AkkaConfig Build(JournalOptions journal, SnapshotStoreOptions snapshotStore)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshotStore);
        var text = new StringBuilder();
        text.AppendLine("akka.persistence {");
        if (journal.ResolvedPlugin() == "akka-sql")
        {
            var (connection, provider, schema) = Sql(journal.ResolvedDatabase(), journal.Sqlite, journal.PostgreSql, "engine.journal");
            text.AppendLine(CultureInfo.InvariantCulture, $"  journal.plugin = \"{SqlJournalId}\"");
            text.AppendLine(CultureInfo.InvariantCulture, $"  journal.sql {{ {SqlCommon(connection, provider, schema)} tag-write-mode = TagTable\nauto-initialize = on }}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  query.journal.sql {{ {SqlCommon(connection, provider, schema)} tag-read-mode = TagTable\nwrite-plugin = \"{SqlJournalId}\"\nrefresh-interval = {Duration(journal.PollInterval)} }}");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  journal.plugin = \"{EnginePluginConfig.JournalId}\"");
            text.AppendLine("  journal.engine {");
            text.AppendLine(CultureInfo.InvariantCulture, $"    storage = {journal.ResolvedDatabase()}\nmax-batch = {journal.MaxBatch}\nmax-wait = {Duration(journal.MaxWait)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    poll-interval = {Duration(journal.PollInterval)}\nquery-page-size = {journal.QueryPageSize}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    {EngineStorage(journal.Sqlite, journal.PostgreSql)}");
            text.AppendLine("  }");
        }

        if (snapshotStore.ResolvedPlugin() == "akka-sql")
        {
            var (connection, provider, schema) = Sql(snapshotStore.ResolvedDatabase(), snapshotStore.Sqlite, snapshotStore.PostgreSql, "engine.snapshot-store");
            text.AppendLine(CultureInfo.InvariantCulture, $"  snapshot-store.plugin = \"{SqlSnapshotStoreId}\"");
            text.AppendLine(CultureInfo.InvariantCulture, $"  snapshot-store.sql {{ {SqlCommon(connection, provider, schema)} auto-initialize = on }}");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  snapshot-store.plugin = \"{EnginePluginConfig.SnapshotStoreId}\"");
            text.AppendLine(CultureInfo.InvariantCulture, $"  snapshot-store.engine {{ storage = {snapshotStore.ResolvedDatabase()}\nkeep-latest = {snapshotStore.KeepLatest}\n{EngineStorage(snapshotStore.Sqlite, snapshotStore.PostgreSql)} }}");
        }

        text.AppendLine("}");
        var config = ConfigurationFactory.ParseString(text.ToString()).WithFallback(EnginePluginConfig.Default);
        return journal.ResolvedPlugin() == "akka-sql" || snapshotStore.ResolvedPlugin() == "akka-sql"
            ? config.WithFallback(SqlPersistence.DefaultConfiguration)
            : config;
    }

    /// <summary>The read journal plugin id for <c>PersistenceQuery.ReadJournalFor</c> under <paramref name="journal"/>.</summary>
    public static string ReadJournalPluginId(JournalOptions journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return journal.ResolvedPlugin() == "akka-sql" ? SqlReadJournalId : EnginePluginConfig.ReadJournalId;
    }

    /// <summary>
    /// The start-up step Akka.Persistence.Sql needs and does not do itself: on SQLite, create the file's directory and
    /// switch the file to WAL (<c>PRAGMA journal_mode=WAL</c>, persistent in the file); on PostgreSQL, create the
    /// configured schema if missing. Nothing for the engine plugin, which does both when it opens. Idempotent.
    /// </summary>
    public static async Task PrepareAsync(JournalOptions journal, SnapshotStoreOptions snapshotStore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshotStore);
        if (journal.ResolvedPlugin() == "akka-sql")
        {
            await PrepareSqlAsync(journal.ResolvedDatabase(), journal.Sqlite, journal.PostgreSql, cancellationToken);
        }

        if (snapshotStore.ResolvedPlugin() == "akka-sql")
        {
            await PrepareSqlAsync(snapshotStore.ResolvedDatabase(), snapshotStore.Sqlite, snapshotStore.PostgreSql, cancellationToken);
        }
    }

    /// <summary>The Microsoft.Data.Sqlite connection string Akka.Persistence.Sql uses for <paramref name="options"/>.</summary>
    public static string SqliteConnectionString(SqliteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    private static async Task PrepareSqlAsync(string database, SqliteOptions sqlite, PostgreSqlOptions postgreSql, CancellationToken cancellationToken)
    {
        if (database == "sqlite")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(sqlite.Path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = new SqliteConnection(SqliteConnectionString(sqlite));
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        else if (database == "postgresql")
        {
            await using var dataSource = NpgsqlDataSource.Create(postgreSql.ConnectionString);
            await using var command = dataSource.CreateCommand($"CREATE SCHEMA IF NOT EXISTS \"{postgreSql.Schema}\";");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static (string Connection, string Provider, string? Schema) Sql(string database, SqliteOptions sqlite, PostgreSqlOptions postgreSql, string section) => database switch
    {
        "sqlite" => (SqliteConnectionString(sqlite), "SQLite.MS", null),
        "postgresql" => (postgreSql.ConnectionString, "PostgreSQL.15", postgreSql.Schema),
        _ => throw new ArgumentException($"{section}: the akka-sql plugin runs on sqlite or postgresql, not '{database}'."),
    };

    private static string SqlCommon(string connection, string provider, string? schema) =>
        $"connection-string = {Quote(connection)}\nprovider-name = \"{provider}\"\n"
        + (schema is null ? string.Empty : $"default.schema-name = {Quote(schema)}\n");

    private static string EngineStorage(SqliteOptions sqlite, PostgreSqlOptions postgreSql) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"sqlite {{ path = {Quote(sqlite.Path)}, synchronous = {sqlite.Synchronous.ToString().ToLowerInvariant()}, busy-timeout = {Duration(sqlite.BusyTimeout)} }}\n"
            + $"postgresql {{ connection-string = {Quote(postgreSql.ConnectionString)}, schema = {Quote(postgreSql.Schema)}, max-pool-size = {postgreSql.MaxPoolSize} }}");

    private static string Duration(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
