using System.Runtime.CompilerServices;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;
using Npgsql;

namespace Engine.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL journal storage. <c>ordering</c> is a <c>bigint</c> identity column. Identity values are
/// taken when a row is inserted, not when it commits, so two concurrent transactions could commit out of
/// ordering order and a live tail could step over the late one. To rule that out, every write
/// transaction first takes <c>pg_advisory_xact_lock</c> on a key derived from the schema: writers of all
/// processes sharing the schema are serialised from their first insert to their commit, hence orderings
/// commit in increasing order. Within one process the group-commit loop already issues one batch at a
/// time, so the lock is only contended across processes. A batch is one round trip (lock + one multi-row INSERT from
/// arrays) in one transaction; any failure (conflict, killed backend, network) rolls the whole batch back, and
/// the broken connection is discarded by the pool so later batches use a fresh one. Thread-safe.
/// </summary>
public sealed class PostgreSqlJournalStorage : IJournalStorage
{
    private const string Columns = "ordering, persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer, serializer_id, event_manifest";

    private readonly NpgsqlDataSource dataSource;
    private readonly string table;

    private PostgreSqlJournalStorage(NpgsqlDataSource dataSource, string schema)
    {
        this.dataSource = dataSource;
        table = $"\"{schema}\".journal";
        WriteLockKey = PostgreSqlSchema.LockKey(schema, "journal-writer");
    }

    /// <summary>The advisory lock key every write transaction of this schema takes first.</summary>
    public long WriteLockKey { get; }

    /// <summary>Connects and creates the schema and journal table if missing.</summary>
    public static async Task<PostgreSqlJournalStorage> OpenAsync(PostgreSqlOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataSource = PostgreSqlSchema.CreateDataSource(options);
        try
        {
            var ddl = $"""
                CREATE TABLE IF NOT EXISTS "{options.Schema}".journal (
                    ordering bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    persistence_id text NOT NULL,
                    sequence_nr bigint NOT NULL,
                    manifest text NOT NULL,
                    payload bytea NOT NULL,
                    serializer_id integer,
                    event_manifest text NOT NULL DEFAULT '',
                    tags text NOT NULL,
                    timestamp bigint NOT NULL,
                    writer text NOT NULL,
                    deleted boolean NOT NULL DEFAULT false,
                    CONSTRAINT journal_persistence_id_sequence_nr_key UNIQUE (persistence_id, sequence_nr));
                """;
            await PostgreSqlSchema.EnsureAsync(dataSource, options.Schema, "journal", 2, ddl, cancellationToken);
            return new PostgreSqlJournalStorage(dataSource, options.Schema);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var events = writes.SelectMany(w => w.Events).ToList();
        var distinct = new HashSet<(string, long)>();
        foreach (var e in events)
        {
            if (!distinct.Add((e.PersistenceId, e.SequenceNr)))
            {
                throw new JournalWriteException(e.PersistenceId, e.SequenceNr, null);
            }
        }

        try
        {
            await InsertAllAsync(events, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (await FindFirstExistingAsync(events, cancellationToken) is var (pid, seq))
            {
                throw new JournalWriteException(pid, seq, ex);
            }

            throw new JournalWriteException($"A unique key of the batch's {events.Count} events was violated; the batch was rolled back.", ex);
        }
    }

    /// <inheritdoc />
    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT COALESCE(MAX(sequence_nr), 0) FROM {table} WHERE persistence_id = @p;");
        command.Parameters.AddWithValue("p", persistenceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM {table} WHERE persistence_id = @p AND sequence_nr >= @from AND sequence_nr <= @to AND NOT deleted ORDER BY sequence_nr LIMIT @max;",
            p =>
            {
                p.AddWithValue("p", persistenceId);
                p.AddWithValue("from", fromSequenceNr);
                p.AddWithValue("to", toSequenceNr);
                p.AddWithValue("max", max);
            },
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadAllAsync(long afterOrdering, long max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM {table} WHERE ordering > @after AND NOT deleted ORDER BY ordering LIMIT @max;",
            p =>
            {
                p.AddWithValue("after", afterOrdering);
                p.AddWithValue("max", max);
            },
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM {table} WHERE ordering > @after AND NOT deleted AND strpos(tags, @tag) > 0 ORDER BY ordering LIMIT @max;",
            p =>
            {
                p.AddWithValue("after", afterOrdering);
                p.AddWithValue("tag", TagCodec.Needle(tag));
                p.AddWithValue("max", max);
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {table} SET deleted = true WHERE persistence_id = @p AND sequence_nr <= @to AND NOT deleted;");
        command.Parameters.AddWithValue("p", persistenceId);
        command.Parameters.AddWithValue("to", toSequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>
    /// One transaction: the writer advisory lock, then one multi-row INSERT from parallel arrays, rows taken in
    /// array order so orderings follow batch order.
    /// </summary>
    private async Task InsertAllAsync(List<PersistentRepr> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, tx);
        var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(@k);");
        lockCommand.Parameters.AddWithValue("k", WriteLockKey);
        batch.BatchCommands.Add(lockCommand);
        var insert = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {table} (persistence_id, sequence_nr, manifest, payload, tags, timestamp, writer, serializer_id, event_manifest)
            SELECT p, s, m, b, t, ts, w, z, e
            FROM unnest(@p::text[], @s::bigint[], @m::text[], @b::bytea[], @t::text[], @ts::bigint[], @w::text[], @z::integer[], @e::text[]) WITH ORDINALITY AS r(p, s, m, b, t, ts, w, z, e, i)
            ORDER BY i;
            """);
        insert.Parameters.AddWithValue("p", events.Select(e => e.PersistenceId).ToArray());
        insert.Parameters.AddWithValue("s", events.Select(e => e.SequenceNr).ToArray());
        insert.Parameters.AddWithValue("m", events.Select(e => e.Manifest).ToArray());
        insert.Parameters.AddWithValue("b", events.Select(e => e.StoredPayload()).ToArray());
        insert.Parameters.AddWithValue("t", events.Select(e => TagCodec.Encode(e.Tags)).ToArray());
        insert.Parameters.AddWithValue("ts", events.Select(e => e.Timestamp.UtcTicks).ToArray());
        insert.Parameters.AddWithValue("w", events.Select(e => e.Writer).ToArray());
        insert.Parameters.AddWithValue("z", events.Select(e => e.SerializerId).ToArray());
        insert.Parameters.AddWithValue("e", events.Select(e => e.EventManifest).ToArray());
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>After a unique violation (batch rolled back): the first event of the batch whose key already exists.</summary>
    private async Task<(string PersistenceId, long SequenceNr)?> FindFirstExistingAsync(List<PersistentRepr> events, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT k.p, k.s FROM unnest(@p::text[], @s::bigint[]) WITH ORDINALITY AS k(p, s, i) JOIN {table} j ON j.persistence_id = k.p AND j.sequence_nr = k.s ORDER BY k.i LIMIT 1;");
        command.Parameters.AddWithValue("p", events.Select(e => e.PersistenceId).ToArray());
        command.Parameters.AddWithValue("s", events.Select(e => e.SequenceNr).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.GetInt64(1))
            : null;
    }

    private async IAsyncEnumerable<EventEnvelope> QueryAsync(string sql, Action<NpgsqlParameterCollection> bind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new EventEnvelope(
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
        }
    }
}
