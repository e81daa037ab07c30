using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Bench.Persistence;

/// <summary>One fresh schema per store in the given database; all dropped on dispose.</summary>
internal sealed class PostgreSqlBenchBackend(string connectionString) : IBenchBackend
{
    private readonly string prefix = "bench_" + Guid.NewGuid().ToString("N")[..8] + "_";
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly List<string> schemas = [];

    public string Name => "postgresql";

    public async Task<IJournal> OpenJournalAsync(string store)
    {
        var options = new JournalOptions { Plugin = "postgresql", PostgreSql = Options(store) };
        return new GroupCommitJournal(await PostgreSqlJournalStorage.OpenAsync(options.PostgreSql), options, TimeProvider.System);
    }

    public async Task RawAppendAsync(string store, int writers, int eventsEach, string payload)
    {
        await (await PostgreSqlJournalStorage.OpenAsync(Options(store))).DisposeAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var seq = 1; seq <= eventsEach; seq++)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, tx);
            for (var w = 0; w < writers; w++)
            {
                batch.BatchCommands.Add(Insert(Schema(store), "raw-" + w, seq, payload));
            }

            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
    }

    public async Task LoadAsync(string store, string persistenceId, int count, string manifest, string payload)
    {
        await (await PostgreSqlJournalStorage.OpenAsync(Options(store))).DisposeAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY \"{Schema(store)}\".journal (persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer) FROM STDIN (FORMAT BINARY)");
        for (var seq = 1L; seq <= count; seq++)
        {
            await import.StartRowAsync();
            await import.WriteAsync(persistenceId, NpgsqlDbType.Text);
            await import.WriteAsync(seq, NpgsqlDbType.Bigint);
            await import.WriteAsync(manifest, NpgsqlDbType.Text);
            await import.WriteAsync(payload, NpgsqlDbType.Json);
            await import.WriteAsync(string.Empty, NpgsqlDbType.Text);
            await import.WriteAsync(seq, NpgsqlDbType.Bigint);
            await import.WriteAsync("load", NpgsqlDbType.Text);
        }

        await import.CompleteAsync();
    }

    public async Task<long> RawScanAsync(string store, string persistenceId)
    {
        await using var select = dataSource.CreateCommand(
            $"SELECT ordering, persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer FROM \"{Schema(store)}\".journal WHERE persistence_id = @p AND sequence_nr >= 1 AND NOT deleted ORDER BY sequence_nr;");
        select.Parameters.AddWithValue("p", persistenceId);
        await using var reader = await select.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetString(7));
            rows++;
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var schema in schemas.Distinct())
        {
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
            await drop.ExecuteNonQueryAsync();
        }

        await dataSource.DisposeAsync();
    }

    private static NpgsqlBatchCommand Insert(string schema, string pid, long seq, string payload)
    {
        var insert = new NpgsqlBatchCommand(
            $"INSERT INTO \"{schema}\".journal (persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer) VALUES (@p, @s, 'bench-event.v1', @b, '', @ts, 'raw');");
        insert.Parameters.AddWithValue("p", pid);
        insert.Parameters.AddWithValue("s", seq);
        insert.Parameters.AddWithValue("b", NpgsqlDbType.Json, payload);
        insert.Parameters.AddWithValue("ts", seq);
        return insert;
    }

    private string Schema(string store)
    {
        var schema = prefix + store.Replace('-', '_');
        if (!schemas.Contains(schema))
        {
            schemas.Add(schema);
        }

        return schema;
    }

    private PostgreSqlOptions Options(string store) => new() { ConnectionString = connectionString, Schema = Schema(store) };
}
