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
    /// <summary>
    /// Akka.Persistence plugin: <c>engine</c> (default; the engine's group-commit journal) or <c>akka-sql</c>
    /// (Akka.Persistence.Sql). The database names <c>sqlite</c>, <c>postgresql</c> and <c>in-memory</c> are also
    /// accepted here and mean the <c>engine</c> plugin on that database (the form written before the plugin choice existed).
    /// </summary>
    [RegularExpression(PluginChoice.PluginPattern)]
    public string Plugin { get; init; } = "engine";

    /// <summary>Database: <c>sqlite</c> (default), <c>postgresql</c> or <c>in-memory</c> (engine plugin only; tests; lost on exit).</summary>
    [RegularExpression(PluginChoice.DatabasePattern)]
    public string Database { get; init; } = "sqlite";

    /// <summary>The plugin in force: <c>engine</c> or <c>akka-sql</c>.</summary>
    public string ResolvedPlugin() => PluginChoice.Plugin(Plugin);

    /// <summary>The database in force: <see cref="Database"/>, or the database named by <see cref="Plugin"/> in its older form.</summary>
    public string ResolvedDatabase() => PluginChoice.Database(Plugin, Database);

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

    /// <summary>SQLite settings, used when the database is <c>sqlite</c>.</summary>
    public SqliteOptions Sqlite { get; init; } = new();

    /// <summary>PostgreSQL settings, used when the database is <c>postgresql</c>.</summary>
    [HoconKey("postgresql")]
    public PostgreSqlOptions PostgreSql { get; init; } = new();
}
