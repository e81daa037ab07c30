using System.Runtime.CompilerServices;
using System.Text;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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
    private WriterStatements? writer;

    private SqliteJournalStorage(SqliteOptions options, SqliteConnection writer)
    {
        this.options = options;
        this.writer = new WriterStatements(writer);
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
            var statements = await WriterAsync(cancellationToken);
            try
            {
                statements.InsertAll(writes);
            }
            catch (JournalWriteException)
            {
                throw;
            }
            catch
            {
                writer = null;
                await statements.DisposeAsync();
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
            var connection = (await WriterAsync(cancellationToken)).Connection;
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

    /// <summary>The writer connection and its statements, opened again after a failure dropped them; under the write gate.</summary>
    private async Task<WriterStatements> WriterAsync(CancellationToken cancellationToken) =>
        writer ??= new WriterStatements(await SqliteSchema.OpenAsync(options, cancellationToken));

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

    /// <summary>
    /// The writer connection with its statements prepared once (BEGIN IMMEDIATE, the insert, COMMIT, ROLLBACK): a group
    /// commit binds and steps them, it compiles no SQL. The insert is bound and stepped through SQLite's own API on the
    /// connection's handle: <see cref="SqliteCommand"/> allocates a binder per parameter and a data reader per
    /// execution, which a journal writing two rows per order pays for nothing. Dropped whole when a write fails for
    /// another reason than a duplicate (persistence id, sequence number), so the next write starts on a fresh connection.
    /// </summary>
    private sealed class WriterStatements : IAsyncDisposable
    {
        private const string InsertSql = "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer, serializer_id, event_manifest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);";

        /// <summary>The UTF-8 of the few distinct texts the rows repeat (persistence ids, manifests, tags, writer), encoded once.</summary>
        private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
        private IReadOnlyList<string>? _lastTags;
        private string _lastTagsText = string.Empty;
        private readonly SqliteCommand begin;
        private readonly SqliteCommand commit;
        private readonly SqliteCommand rollback;
        private readonly sqlite3_stmt insert;

        public WriterStatements(SqliteConnection connection)
        {
            Connection = connection;
            begin = Prepared("BEGIN IMMEDIATE;");
            commit = Prepared("COMMIT;");
            rollback = Prepared("ROLLBACK;");
            Check(raw.sqlite3_prepare_v2(connection.Handle, InsertSql, out insert));
        }

        public SqliteConnection Connection { get; }

        /// <summary>Inserts every event of <paramref name="writes"/> in one transaction; all or nothing.</summary>
        public void InsertAll(IReadOnlyList<AtomicWrite> writes)
        {
            begin.ExecuteNonQuery();
            try
            {
                foreach (var write in writes)
                {
                    var events = write.Events;
                    for (var i = 0; i < events.Count; i++)
                    {
                        Insert(events[i]);
                    }
                }

                commit.ExecuteNonQuery();
            }
            catch
            {
                // A failed COMMIT may already have ended the transaction; the rollback then has nothing to undo.
                try
                {
                    rollback.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                }

                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            insert.Dispose();
            foreach (var command in new[] { begin, commit, rollback })
            {
                await command.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }

        private void Insert(PersistentRepr e)
        {
            BindText(1, e.PersistenceId);
            Check(raw.sqlite3_bind_int64(insert, 2, e.SequenceNr));
            BindText(3, e.Manifest);
            Check(raw.sqlite3_bind_blob(insert, 4, e.StoredPayload()));
            BindText(5, TagsText(e.Tags));
            Check(raw.sqlite3_bind_int64(insert, 6, e.Timestamp.UtcTicks));
            BindText(7, e.Writer);
            Check(e.SerializerId is { } serializerId ? raw.sqlite3_bind_int64(insert, 8, serializerId) : raw.sqlite3_bind_null(insert, 8));
            BindText(9, e.EventManifest);
            var rc = raw.sqlite3_step(insert);
            if (rc == raw.SQLITE_DONE)
            {
                raw.sqlite3_reset(insert);
                return;
            }

            var error = Error(rc);
            raw.sqlite3_reset(insert);
            if ((rc & 0xff) == raw.SQLITE_CONSTRAINT)
            {
                throw new JournalWriteException(e.PersistenceId, e.SequenceNr, error);
            }

            throw error;
        }

        /// <summary>The tag column of <paramref name="tags"/>; encoded again only when the list is another than the last one's (writers share one list per tag set).</summary>
        private string TagsText(IReadOnlyList<string> tags)
        {
            if (!ReferenceEquals(tags, _lastTags))
            {
                _lastTagsText = TagCodec.Encode(tags);
                _lastTags = tags;
            }

            return _lastTagsText;
        }

        /// <summary>Binds <paramref name="text"/> as UTF-8, encoded once per distinct text (a bounded few: see <see cref="_utf8"/>).</summary>
        private void BindText(int index, string text)
        {
            if (!_utf8.TryGetValue(text, out var utf8))
            {
                if (_utf8.Count >= 4096)
                {
                    _utf8.Clear();
                }

                utf8 = Encoding.UTF8.GetBytes(text);
                _utf8[text] = utf8;
            }

            Check(raw.sqlite3_bind_text(insert, index, utf8));
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw Error(rc);
            }
        }

        private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(Connection.Handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(Connection.Handle));

        private SqliteCommand Prepared(string sql)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            return command;
        }
    }
}
