using System.Globalization;
using Engine.Persistence.Snapshots;
using Npgsql;

namespace Engine.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL snapshot store (table <c>snapshot</c> in the configured schema; payload as <c>bytea</c>
/// with its serializer id, kept verbatim). Save and retention commit in one transaction. Thread-safe.
/// </summary>
public sealed class PostgreSqlSnapshotStore : ISnapshotStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly string table;
    private readonly int keepLatest;

    private PostgreSqlSnapshotStore(NpgsqlDataSource dataSource, string schema, int keepLatest)
    {
        this.dataSource = dataSource;
        this.keepLatest = keepLatest;
        table = $"\"{schema}\".snapshot";
    }

    /// <summary>Connects and creates the schema and snapshot table if missing.</summary>
    public static async Task<PostgreSqlSnapshotStore> OpenAsync(PostgreSqlOptions options, int keepLatest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLatest);
        var dataSource = PostgreSqlSchema.CreateDataSource(options);
        try
        {
            var ddl = $"""
                CREATE TABLE IF NOT EXISTS "{options.Schema}".snapshot (
                    persistence_id text NOT NULL,
                    sequence_nr bigint NOT NULL,
                    timestamp bigint NOT NULL,
                    manifest text NOT NULL,
                    payload bytea NOT NULL,
                    serializer_id integer,
                    PRIMARY KEY (persistence_id, sequence_nr));
                """;
            await PostgreSqlSchema.EnsureAsync(dataSource, options.Schema, "snapshot", 2, ddl, cancellationToken);
            return new PostgreSqlSnapshotStore(dataSource, options.Schema, keepLatest);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(SelectedSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = new NpgsqlCommand(Sql(SnapshotSql.Upsert), connection, tx))
        {
            upsert.Parameters.AddWithValue("p", snapshot.Metadata.PersistenceId);
            upsert.Parameters.AddWithValue("s", snapshot.Metadata.SequenceNr);
            upsert.Parameters.AddWithValue("ts", snapshot.Metadata.Timestamp.UtcTicks);
            upsert.Parameters.AddWithValue("m", snapshot.Manifest);
            upsert.Parameters.AddWithValue("b", snapshot.StoredPayload());
            upsert.Parameters.AddWithValue("z", NpgsqlTypes.NpgsqlDbType.Integer, (object?)snapshot.SerializerId ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (keepLatest > 0)
        {
            await using var retain = new NpgsqlCommand(Sql(SnapshotSql.Retain), connection, tx);
            retain.Parameters.AddWithValue("p", snapshot.Metadata.PersistenceId);
            retain.Parameters.AddWithValue("keep", keepLatest);
            await retain.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var load = dataSource.CreateCommand(Sql(SnapshotSql.Load));
        load.Parameters.AddWithValue("p", persistenceId);
        SnapshotSql.BindCriteria(criteria, (name, value) => load.Parameters.AddWithValue(name, value));
        await using var reader = await load.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return SelectedSnapshot.FromStored(
            new SnapshotMetadata(persistenceId, reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)),
            reader.GetString(2),
            (byte[])reader.GetValue(3),
            reader.IsDBNull(4) ? null : reader.GetInt32(4));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var delete = dataSource.CreateCommand(Sql(SnapshotSql.DeleteMatching));
        delete.Parameters.AddWithValue("p", persistenceId);
        SnapshotSql.BindCriteria(criteria, (name, value) => delete.Parameters.AddWithValue(name, value));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await using var delete = dataSource.CreateCommand(Sql(SnapshotSql.DeleteOne));
        delete.Parameters.AddWithValue("p", metadata.PersistenceId);
        delete.Parameters.AddWithValue("s", metadata.SequenceNr);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private string Sql(string template) => string.Format(CultureInfo.InvariantCulture, template, table);
}
