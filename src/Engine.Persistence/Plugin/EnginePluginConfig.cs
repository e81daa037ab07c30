using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Sqlite;

namespace Engine.Persistence.Plugin;

/// <summary>
/// The plugin's reference HOCON (embedded <c>Plugin/reference.conf</c>) and the mapping from a plugin's config
/// section to the storage options of <see cref="PersistencePlugins"/>. Pure; thread-safe.
/// </summary>
public static class EnginePluginConfig
{
    /// <summary>Plugin id of the engine journal.</summary>
    public const string JournalId = "akka.persistence.journal.engine";

    /// <summary>Plugin id of the engine snapshot store.</summary>
    public const string SnapshotStoreId = "akka.persistence.snapshot-store.engine";

    /// <summary>Plugin id of the engine read journal (Akka.Persistence.Query).</summary>
    public const string ReadJournalId = "akka.persistence.query.journal.engine";

    private static readonly Lazy<AkkaConfig> Reference = new(Load);

    /// <summary>The defaults of all three plugins; use as a fallback of the system's config.</summary>
    public static AkkaConfig Default => Reference.Value;

    /// <summary>Journal options from the section of an <see cref="EngineJournal"/> (with the reference as fallback).</summary>
    public static JournalOptions Journal(AkkaConfig section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var c = section.WithFallback(Default.GetConfig(JournalId));
        return new JournalOptions
        {
            Database = c.GetString("storage"),
            MaxBatch = c.GetInt("max-batch"),
            MaxWait = c.GetTimeSpan("max-wait"),
            PollInterval = c.GetTimeSpan("poll-interval"),
            QueryPageSize = c.GetInt("query-page-size"),
            Sqlite = Sqlite(c.GetConfig("sqlite")),
            PostgreSql = PostgreSql(c.GetConfig("postgresql")),
        };
    }

    /// <summary>Storage name and options from the section of an <see cref="EngineSnapshotStore"/>.</summary>
    public static Snapshots.SnapshotStoreOptions SnapshotStore(AkkaConfig section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var c = section.WithFallback(Default.GetConfig(SnapshotStoreId));
        return new Snapshots.SnapshotStoreOptions
        {
            Database = c.GetString("storage"),
            KeepLatest = c.GetInt("keep-latest"),
            Sqlite = Sqlite(c.GetConfig("sqlite")),
            PostgreSql = PostgreSql(c.GetConfig("postgresql")),
        };
    }

    private static SqliteOptions Sqlite(AkkaConfig c) => new()
    {
        Path = c.GetString("path"),
        Synchronous = Enum.Parse<SqliteSynchronous>(c.GetString("synchronous"), ignoreCase: true),
        BusyTimeout = c.GetTimeSpan("busy-timeout"),
    };

    private static PostgreSqlOptions PostgreSql(AkkaConfig c) => new()
    {
        ConnectionString = c.GetString("connection-string"),
        Schema = c.GetString("schema"),
        MaxPoolSize = c.GetInt("max-pool-size"),
    };

    private static AkkaConfig Load()
    {
        using var stream = typeof(EnginePluginConfig).Assembly.GetManifestResourceStream("Engine.Persistence.Plugin.reference.conf")
            ?? throw new InvalidOperationException("The embedded Engine.Persistence plugin reference.conf is missing.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
