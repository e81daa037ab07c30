using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;
using Npgsql;

namespace Engine.Bench.Persistence;

/// <summary>One fresh schema per store in the given database; all dropped on dispose.</summary>
internal sealed class PostgreSqlBenchDatabase(string connectionString) : IBenchDatabase
{
    private readonly string prefix = "bench_" + Guid.NewGuid().ToString("N")[..8] + "_";
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly List<string> schemas = [];

    public string Name => "postgresql";

    public (JournalOptions Journal, SnapshotStoreOptions Snapshots) Options(string plugin, string store)
    {
        var pg = PostgreSql(store);
        return (new JournalOptions { Plugin = plugin, Database = "postgresql", PostgreSql = pg }, new SnapshotStoreOptions { Plugin = plugin, Database = "postgresql", PostgreSql = pg });
    }

    public async Task RawAppendAsync(string store, int writers, int eventsEach, byte[] payload)
    {
        await (await PostgreSqlJournalStorage.OpenAsync(PostgreSql(store))).DisposeAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var seq = 1; seq <= eventsEach; seq++)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, tx);
            for (var w = 0; w < writers; w++)
            {
                var insert = new NpgsqlBatchCommand(
                    $"INSERT INTO \"{Schema(store)}\".journal (persistence_id, sequence_nr, manifest, payload, serializer_id, tags, timestamp, writer) VALUES (@p, @s, 'bench-event.v1', @b, 9901, '', @s, 'raw');");
                insert.Parameters.AddWithValue("p", "raw-" + w);
                insert.Parameters.AddWithValue("s", (long)seq);
                insert.Parameters.AddWithValue("b", payload);
                batch.BatchCommands.Add(insert);
            }

            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
    }

    public async Task<long> RawScanAsync(string plugin, string store, string persistenceId)
    {
        await using var select = dataSource.CreateCommand(plugin == "akka-sql"
            ? $"SELECT * FROM \"{Schema(store)}\".journal WHERE persistence_id = @p AND NOT deleted ORDER BY sequence_number;"
            : $"SELECT * FROM \"{Schema(store)}\".journal WHERE persistence_id = @p AND NOT deleted ORDER BY sequence_nr;");
        select.Parameters.AddWithValue("p", persistenceId);
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

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var schema in schemas.Distinct())
        {
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
            await drop.ExecuteNonQueryAsync();
        }

        await dataSource.DisposeAsync();
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

    private PostgreSqlOptions PostgreSql(string store) => new() { ConnectionString = connectionString, Schema = Schema(store) };
}
