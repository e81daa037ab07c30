namespace Engine.Persistence.Snapshots;

/// <summary>
/// SQL shared by the SQLite and PostgreSQL snapshot stores (both accept <c>@name</c> parameters and
/// <c>ON CONFLICT ... DO UPDATE</c>). <c>{0}</c> is the qualified table name. Timestamps are UTC ticks.
/// </summary>
internal static class SnapshotSql
{
    public const string Upsert = """
        INSERT INTO {0} (persistence_id, sequence_nr, timestamp, manifest, payload, serializer_id) VALUES (@p, @s, @ts, @m, @b, @z)
        ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET timestamp = excluded.timestamp, manifest = excluded.manifest, payload = excluded.payload, serializer_id = excluded.serializer_id;
        """;

    public const string Retain = """
        DELETE FROM {0} WHERE persistence_id = @p AND sequence_nr NOT IN
            (SELECT sequence_nr FROM {0} WHERE persistence_id = @p ORDER BY sequence_nr DESC LIMIT @keep);
        """;

    public const string Load = """
        SELECT sequence_nr, timestamp, manifest, payload, serializer_id FROM {0}
        WHERE persistence_id = @p AND sequence_nr BETWEEN @minS AND @maxS AND timestamp BETWEEN @minT AND @maxT
        ORDER BY sequence_nr DESC LIMIT 1;
        """;

    public const string DeleteMatching = """
        DELETE FROM {0} WHERE persistence_id = @p AND sequence_nr BETWEEN @minS AND @maxS AND timestamp BETWEEN @minT AND @maxT;
        """;

    public const string DeleteOne = "DELETE FROM {0} WHERE persistence_id = @p AND sequence_nr = @s;";

    /// <summary>Binds the criteria parameters through <paramref name="add"/>.</summary>
    public static void BindCriteria(SnapshotSelectionCriteria criteria, Action<string, object> add)
    {
        add("minS", criteria.MinSequenceNr);
        add("maxS", criteria.MaxSequenceNr);
        add("minT", criteria.MinTimestamp.UtcTicks);
        add("maxT", criteria.MaxTimestamp.UtcTicks);
    }
}
