using Engine.Config;
using System.ComponentModel.DataAnnotations;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Sqlite;

namespace Engine.Persistence.Journal;

/// <summary>
/// The <c>engine.journal</c> section. Immutable once bound; validated with DataAnnotations at start-up.
/// </summary>
public sealed record JournalOptions
{
    /// <summary>Storage plug-in: <c>sqlite</c> (default), <c>postgresql</c> or <c>in-memory</c> (tests only; lost on exit).</summary>
    [RegularExpression("^(sqlite|postgresql|in-memory)$")]
    public string Plugin { get; init; } = "sqlite";

    /// <summary>Most events committed in one group-commit transaction; one larger write still commits alone.</summary>
    [Range(1, 100_000)]
    public int MaxBatch { get; init; } = 1_000;

    /// <summary>
    /// How long the writer lingers for more writes after the first one of a batch, on the injected
    /// TimeProvider. Zero (default) needs no timer: a batch is whatever queued while the previous
    /// transaction committed, which batches well under load and adds no latency when idle.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MaxWait { get; init; } = TimeSpan.Zero;

    /// <summary>Fallback poll period of live queries when no in-process commit notification arrives (writes from other processes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows read per round trip by live and current queries.</summary>
    [Range(1, 1_000_000)]
    public int QueryPageSize { get; init; } = 1_000;

    /// <summary>SQLite settings, used when <see cref="Plugin"/> is <c>sqlite</c>.</summary>
    public SqliteOptions Sqlite { get; init; } = new();

    /// <summary>PostgreSQL settings, used when <see cref="Plugin"/> is <c>postgresql</c>.</summary>
    [HoconKey("postgresql")]
    public PostgreSqlOptions PostgreSql { get; init; } = new();
}
