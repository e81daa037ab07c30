using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Persistence.CrashWriter;

/// <summary>The journal and snapshot options the crash writer and its test both use.</summary>
public static class CrashWriterOptions
{
    /// <summary>Options for <paramref name="plugin"/> on <paramref name="database"/> at <paramref name="target"/>.</summary>
    public static (JournalOptions Journal, SnapshotStoreOptions Snapshots) For(string plugin, string database, string target, string postgreSql)
    {
        var sqlite = new Engine.Persistence.Sqlite.SqliteOptions { Path = target, Synchronous = Engine.Persistence.Sqlite.SqliteSynchronous.Full };
        var pg = new Engine.Persistence.PostgreSql.PostgreSqlOptions { ConnectionString = postgreSql, Schema = target };
        return (
            new JournalOptions { Plugin = plugin, Database = database, Sqlite = sqlite, PostgreSql = pg },
            new SnapshotStoreOptions { Plugin = plugin, Database = database, Sqlite = sqlite, PostgreSql = pg });
    }
}
