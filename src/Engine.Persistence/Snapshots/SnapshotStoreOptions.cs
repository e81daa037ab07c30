using Engine.Config;
using System.ComponentModel.DataAnnotations;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Sqlite;

namespace Engine.Persistence.Snapshots;

/// <summary>The <c>engine.snapshot-store</c> section. Immutable once bound; validated at start-up.</summary>
public sealed record SnapshotStoreOptions
{
    /// <summary>Storage plug-in: <c>sqlite</c> (default), <c>postgresql</c> or <c>in-memory</c> (tests only).</summary>
    [RegularExpression("^(sqlite|postgresql|in-memory)$")]
    public string Plugin { get; init; } = "sqlite";

    /// <summary>Snapshots kept per stream after each save, newest first; 0 keeps all.</summary>
    [Range(0, 1_000)]
    public int KeepLatest { get; init; } = 2;

    /// <summary>SQLite settings, used when <see cref="Plugin"/> is <c>sqlite</c>.</summary>
    public SqliteOptions Sqlite { get; init; } = new();

    /// <summary>PostgreSQL settings, used when <see cref="Plugin"/> is <c>postgresql</c>.</summary>
    [HoconKey("postgresql")]
    public PostgreSqlOptions PostgreSql { get; init; } = new();
}
