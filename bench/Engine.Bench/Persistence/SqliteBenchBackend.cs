using Engine.Persistence.Journal;
using Engine.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Engine.Bench.Persistence;

/// <summary>SQLite files in a temporary directory, with the journal's default durability (synchronous=FULL, WAL) for both sides.</summary>
internal sealed class SqliteBenchBackend : IBenchBackend
{
    private readonly string directory = Directory.CreateTempSubdirectory("engine-bench-").FullName;

    public string Name => "sqlite";

    public async Task<IJournal> OpenJournalAsync(string store)
    {
        var options = new JournalOptions { Sqlite = Options(store) };
        return new GroupCommitJournal(await SqliteJournalStorage.OpenAsync(options.Sqlite), options, TimeProvider.System);
    }

    public async Task RawAppendAsync(string store, int writers, int eventsEach, string payload)
    {
        await using var connection = await OpenRawAsync(store);
        for (var seq = 1; seq <= eventsEach; seq++)
        {
            using var tx = connection.BeginTransaction();
            using var insert = Insert(connection, tx);
            for (var w = 0; w < writers; w++)
            {
                Bind(insert, "raw-" + w, seq, "bench-event.v1", payload);
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public async Task LoadAsync(string store, string persistenceId, int count, string manifest, string payload)
    {
        await using var connection = await OpenRawAsync(store);
        for (var from = 1; from <= count; from += 10_000)
        {
            using var tx = connection.BeginTransaction();
            using var insert = Insert(connection, tx);
            for (var seq = from; seq < from + 10_000 && seq <= count; seq++)
            {
                Bind(insert, persistenceId, seq, manifest, payload);
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public async Task<long> RawScanAsync(string store, string persistenceId)
    {
        await using var connection = new SqliteConnection($"Data Source={Options(store).Path}");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT ordering, persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer FROM journal WHERE persistence_id = $p AND sequence_nr >= 1 AND deleted = 0 ORDER BY sequence_nr;";
        select.Parameters.AddWithValue("$p", persistenceId);
        await using var reader = await select.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetString(7));
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

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction tx)
    {
        var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer) VALUES ($p, $s, $m, $b, '', $ts, 'raw');";
        insert.Parameters.Add("$p", SqliteType.Text);
        insert.Parameters.Add("$s", SqliteType.Integer);
        insert.Parameters.Add("$m", SqliteType.Text);
        insert.Parameters.Add("$b", SqliteType.Text);
        insert.Parameters.Add("$ts", SqliteType.Integer);
        insert.Prepare();
        return insert;
    }

    private static void Bind(SqliteCommand insert, string pid, long seq, string manifest, string payload)
    {
        insert.Parameters[0].Value = pid;
        insert.Parameters[1].Value = seq;
        insert.Parameters[2].Value = manifest;
        insert.Parameters[3].Value = payload;
        insert.Parameters[4].Value = seq;
    }

    private SqliteOptions Options(string store) => new() { Path = Path.Combine(directory, store + ".db") };

    /// <summary>A connection on a schema created by the journal itself, with the same pragmas as its writer.</summary>
    private async Task<SqliteConnection> OpenRawAsync(string store)
    {
        await (await SqliteJournalStorage.OpenAsync(Options(store))).DisposeAsync();
        var connection = new SqliteConnection($"Data Source={Options(store).Path}");
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }
}
