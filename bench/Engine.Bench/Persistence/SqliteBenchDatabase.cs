using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Engine.Bench.Persistence;

/// <summary>SQLite files in a temporary directory, WAL and synchronous=FULL on every side (plugins and baselines).</summary>
internal sealed class SqliteBenchDatabase : IBenchDatabase
{
    private readonly string directory = Directory.CreateTempSubdirectory("engine-bench-").FullName;

    public string Name => "sqlite";

    public (JournalOptions Journal, SnapshotStoreOptions Snapshots) Options(string plugin, string store)
    {
        var sqlite = Sqlite(store);
        return (new JournalOptions { Plugin = plugin, Database = "sqlite", Sqlite = sqlite }, new SnapshotStoreOptions { Plugin = plugin, Database = "sqlite", Sqlite = sqlite });
    }

    public async Task RawAppendAsync(string store, int writers, int eventsEach, byte[] payload)
    {
        await (await SqliteJournalStorage.OpenAsync(Sqlite(store))).DisposeAsync();
        await using var connection = await OpenAsync(store);
        for (var seq = 1; seq <= eventsEach; seq++)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, serializer_id, tags, timestamp, writer) VALUES ($p, $s, 'bench-event.v1', $b, 9901, '', $s, 'raw');";
            var pid = insert.Parameters.Add("$p", SqliteType.Text);
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            insert.Parameters.Add("$b", SqliteType.Blob).Value = payload;
            insert.Prepare();
            for (var w = 0; w < writers; w++)
            {
                pid.Value = "raw-" + w;
                s.Value = seq;
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public async Task<long> RawScanAsync(string plugin, string store, string persistenceId)
    {
        await using var connection = await OpenAsync(store);
        await using var select = connection.CreateCommand();
        select.CommandText = plugin == "akka-sql"
            ? "SELECT * FROM journal WHERE persistence_id = $p AND deleted = 0 ORDER BY sequence_number;"
            : "SELECT * FROM journal WHERE persistence_id = $p AND deleted = 0 ORDER BY sequence_nr;";
        select.Parameters.AddWithValue("$p", persistenceId);
        await using var reader = await select.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private SqliteOptions Sqlite(string store) => new() { Path = Path.Combine(directory, store + ".db"), Synchronous = SqliteSynchronous.Full };

    private async Task<SqliteConnection> OpenAsync(string store)
    {
        var connection = new SqliteConnection($"Data Source={Sqlite(store).Path}");
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }
}
