using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;

namespace Engine.Persistence;

/// <summary>
/// Opens the journal and snapshot store named by bound options. Opening creates the schema
/// idempotently, so it fails fast at start-up on a bad path, connection string or schema version.
/// Stateless.
/// </summary>
public static class PersistencePlugins
{
    /// <summary>Opens the configured journal storage and wraps it in a <see cref="GroupCommitJournal"/>.</summary>
    public static async Task<IJournal> OpenJournalAsync(JournalOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        IJournalStorage storage = options.ResolvedDatabase() switch
        {
            "sqlite" => await SqliteJournalStorage.OpenAsync(options.Sqlite, cancellationToken),
            "postgresql" => await PostgreSqlJournalStorage.OpenAsync(options.PostgreSql, cancellationToken),
            "in-memory" => new InMemoryJournalStorage(),
            _ => throw new ArgumentException($"Unknown journal database '{options.ResolvedDatabase()}'; expected sqlite, postgresql or in-memory.", nameof(options)),
        };
        return new GroupCommitJournal(storage, options, timeProvider);
    }

    /// <summary>Opens the configured snapshot store.</summary>
    public static async Task<ISnapshotStore> OpenSnapshotStoreAsync(SnapshotStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ResolvedDatabase() switch
        {
            "sqlite" => await SqliteSnapshotStore.OpenAsync(options.Sqlite, options.KeepLatest, cancellationToken),
            "postgresql" => await PostgreSqlSnapshotStore.OpenAsync(options.PostgreSql, options.KeepLatest, cancellationToken),
            "in-memory" => new InMemorySnapshotStore(options.KeepLatest),
            _ => throw new ArgumentException($"Unknown snapshot-store database '{options.ResolvedDatabase()}'; expected sqlite, postgresql or in-memory.", nameof(options)),
        };
    }
}
