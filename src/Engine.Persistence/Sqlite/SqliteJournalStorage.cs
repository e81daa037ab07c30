using System.Runtime.CompilerServices;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;
using Microsoft.Data.Sqlite;

namespace Engine.Persistence.Sqlite;

/// <summary>
/// SQLite journal storage: one file in WAL mode, <c>ordering INTEGER PRIMARY KEY AUTOINCREMENT</c>
/// (never reused, strictly increasing). Writes go through one long-lived connection guarded by a
/// semaphore, each batch in one <c>BEGIN IMMEDIATE</c> transaction, so writers (also across processes,
/// via SQLite's file lock) are serialised and orderings become visible in increasing order. Durability
/// of a commit follows <see cref="SqliteOptions.Synchronous"/>. Reads use pooled connections and run
/// concurrently with the writer (WAL). Thread-safe.
/// </summary>
public sealed class SqliteJournalStorage : IJournalStorage
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS journal (
            ordering INTEGER PRIMARY KEY AUTOINCREMENT,
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            serializer_id INTEGER,
            event_manifest TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            writer TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            UNIQUE (persistence_id, sequence_nr));
        """;

    private const string Columns = "ordering, persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer, serializer_id, event_manifest";

    private readonly SqliteOptions options;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private SqliteConnection? writer;

    private SqliteJournalStorage(SqliteOptions options, SqliteConnection writer)
    {
        this.options = options;
        this.writer = writer;
        connectionString = SqliteSchema.ConnectionString(options);
    }

    /// <summary>Opens (creating if needed) the database file and the journal schema.</summary>
    public static async Task<SqliteJournalStorage> OpenAsync(SqliteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = await SqliteSchema.OpenAsync(options, cancellationToken);
        try
        {
            await SqliteSchema.EnsureAsync(connection, "journal", 2, Ddl, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new SqliteJournalStorage(options, connection);
    }

    /// <inheritdoc />
    public async Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = writer ??= await SqliteSchema.OpenAsync(options, cancellationToken);
            try
            {
                InsertAll(connection, writes);
            }
            catch (JournalWriteException)
            {
                throw;
            }
            catch
            {
                writer = null;
                await connection.DisposeAsync();
                throw;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence_nr), 0) FROM journal WHERE persistence_id = $p;";
        command.Parameters.AddWithValue("$p", persistenceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM journal WHERE persistence_id = $p AND sequence_nr >= $from AND sequence_nr <= $to AND deleted = 0 ORDER BY sequence_nr LIMIT $max;",
            p =>
            {
                p.AddWithValue("$p", persistenceId);
                p.AddWithValue("$from", fromSequenceNr);
                p.AddWithValue("$to", toSequenceNr);
                p.AddWithValue("$max", max);
            },
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadAllAsync(long afterOrdering, long max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM journal WHERE ordering > $after AND deleted = 0 ORDER BY ordering LIMIT $max;",
            p =>
            {
                p.AddWithValue("$after", afterOrdering);
                p.AddWithValue("$max", max);
            },
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM journal WHERE ordering > $after AND deleted = 0 AND instr(tags, $tag) > 0 ORDER BY ordering LIMIT $max;",
            p =>
            {
                p.AddWithValue("$after", afterOrdering);
                p.AddWithValue("$tag", TagCodec.Needle(tag));
                p.AddWithValue("$max", max);
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = writer ??= await SqliteSchema.OpenAsync(options, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE journal SET deleted = 1 WHERE persistence_id = $p AND sequence_nr <= $to AND deleted = 0;";
            command.Parameters.AddWithValue("$p", persistenceId);
            command.Parameters.AddWithValue("$to", toSequenceNr);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await writeGate.WaitAsync();
        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
                writer = null;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    internal static EventEnvelope Map(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        PersistentRepr.FromStored(
            reader.GetString(1),
            reader.GetInt64(2),
            reader.GetString(3),
            (byte[])reader.GetValue(4),
            reader.IsDBNull(8) ? null : reader.GetInt32(8),
            reader.GetString(9),
            TagCodec.Decode(reader.GetString(5)),
            new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
            reader.GetString(7)));

    private static void InsertAll(SqliteConnection connection, IReadOnlyList<AtomicWrite> writes)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer, serializer_id, event_manifest) VALUES ($p, $s, $m, $b, $t, $ts, $w, $z, $e);";
        var pid = insert.Parameters.Add("$p", SqliteType.Text);
        var seq = insert.Parameters.Add("$s", SqliteType.Integer);
        var manifest = insert.Parameters.Add("$m", SqliteType.Text);
        var payload = insert.Parameters.Add("$b", SqliteType.Blob);
        var tags = insert.Parameters.Add("$t", SqliteType.Text);
        var timestamp = insert.Parameters.Add("$ts", SqliteType.Integer);
        var writerId = insert.Parameters.Add("$w", SqliteType.Text);
        var serializerId = insert.Parameters.Add("$z", SqliteType.Integer);
        var eventManifest = insert.Parameters.Add("$e", SqliteType.Text);
        insert.Prepare();
        foreach (var write in writes)
        {
            foreach (var e in write.Events)
            {
                pid.Value = e.PersistenceId;
                seq.Value = e.SequenceNr;
                manifest.Value = e.Manifest;
                payload.Value = e.StoredPayload();
                tags.Value = TagCodec.Encode(e.Tags);
                timestamp.Value = e.Timestamp.UtcTicks;
                writerId.Value = e.Writer;
                serializerId.Value = (object?)e.SerializerId ?? DBNull.Value;
                eventManifest.Value = e.EventManifest;
                try
                {
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    tx.Rollback();
                    throw new JournalWriteException(e.PersistenceId, e.SequenceNr, ex);
                }
            }
        }

        tx.Commit();
    }

    private async IAsyncEnumerable<EventEnvelope> QueryAsync(string sql, Action<SqliteParameterCollection> bind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Map(reader);
        }
    }
}
