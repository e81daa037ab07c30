using System.Globalization;
using Engine.Persistence.Snapshots;
using Microsoft.Data.Sqlite;

namespace Engine.Persistence.Sqlite;

/// <summary>
/// SQLite snapshot store (table <c>snapshot</c>, may share the journal's file). Each operation uses a
/// pooled connection in its own transaction; save and retention commit together. Durability follows
/// <see cref="SqliteOptions.Synchronous"/>. Thread-safe.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            serializer_id INTEGER,
            PRIMARY KEY (persistence_id, sequence_nr));
        """;

    private readonly SqliteOptions options;
    private readonly int keepLatest;

    private SqliteSnapshotStore(SqliteOptions options, int keepLatest)
    {
        this.options = options;
        this.keepLatest = keepLatest;
    }

    /// <summary>Opens the file and creates the snapshot schema if missing.</summary>
    public static async Task<SqliteSnapshotStore> OpenAsync(SqliteOptions options, int keepLatest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLatest);
        await using var connection = await SqliteSchema.OpenAsync(options, cancellationToken);
        await SqliteSchema.EnsureAsync(connection, "snapshot", 2, Ddl, cancellationToken);
        return new SqliteSnapshotStore(options, keepLatest);
    }

    /// <inheritdoc />
    public async Task SaveAsync(SelectedSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await SqliteSchema.OpenAsync(options, cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = Command(connection, tx, SnapshotSql.Upsert))
        {
            upsert.Parameters.AddWithValue("@p", snapshot.Metadata.PersistenceId);
            upsert.Parameters.AddWithValue("@s", snapshot.Metadata.SequenceNr);
            upsert.Parameters.AddWithValue("@ts", snapshot.Metadata.Timestamp.UtcTicks);
            upsert.Parameters.AddWithValue("@m", snapshot.Manifest);
            upsert.Parameters.AddWithValue("@b", snapshot.StoredPayload());
            upsert.Parameters.AddWithValue("@z", (object?)snapshot.SerializerId ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (keepLatest > 0)
        {
            await using var retain = Command(connection, tx, SnapshotSql.Retain);
            retain.Parameters.AddWithValue("@p", snapshot.Metadata.PersistenceId);
            retain.Parameters.AddWithValue("@keep", keepLatest);
            await retain.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var connection = new SqliteConnection(SqliteSchema.ConnectionString(options));
        await connection.OpenAsync(cancellationToken);
        await using var load = Command(connection, null, SnapshotSql.Load);
        load.Parameters.AddWithValue("@p", persistenceId);
        SnapshotSql.BindCriteria(criteria, (name, value) => load.Parameters.AddWithValue("@" + name, value));
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
        await using var connection = await SqliteSchema.OpenAsync(options, cancellationToken);
        await using var delete = Command(connection, null, SnapshotSql.DeleteMatching);
        delete.Parameters.AddWithValue("@p", persistenceId);
        SnapshotSql.BindCriteria(criteria, (name, value) => delete.Parameters.AddWithValue("@" + name, value));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await using var connection = await SqliteSchema.OpenAsync(options, cancellationToken);
        await using var delete = Command(connection, null, SnapshotSql.DeleteOne);
        delete.Parameters.AddWithValue("@p", metadata.PersistenceId);
        delete.Parameters.AddWithValue("@s", metadata.SequenceNr);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Nothing to release: connections are per operation.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string template)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = string.Format(CultureInfo.InvariantCulture, template, "snapshot");
        return command;
    }
}
