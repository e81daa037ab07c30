using Engine.Config;
using System.ComponentModel.DataAnnotations;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Sqlite;

namespace Engine.Persistence.Snapshots;

/// <summary>The <c>engine.snapshot-store</c> section. Immutable once bound; validated at start-up.</summary>
public sealed record SnapshotStoreOptions
{
    /// <summary>
    /// Akka.Persistence plugin: <c>engine</c> (default; the engine's own snapshot store) or <c>akka-sql</c>
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

    /// <summary>
    /// Snapshots the engine plugin's store keeps per stream after each save, newest first; 0 (the default) keeps all.
    /// Order books prune their own (<c>engine.orders.keep-snapshots</c>), on any plugin.
    /// </summary>
    [Range(0, 1_000)]
    public int KeepLatest { get; init; }

    /// <summary>SQLite settings, used when the database is <c>sqlite</c>.</summary>
    public SqliteOptions Sqlite { get; init; } = new();

    /// <summary>PostgreSQL settings, used when the database is <c>postgresql</c>.</summary>
    [HoconKey("postgresql")]
    public PostgreSqlOptions PostgreSql { get; init; } = new();
}
