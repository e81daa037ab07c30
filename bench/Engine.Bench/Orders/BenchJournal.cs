using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;

namespace Engine.Bench.Orders;

/// <summary>
/// The journal the engine benchmarks run on: the engine's default (<c>engine.journal</c> and
/// <c>engine.snapshot-store</c> defaults: the engine plugin on SQLite, synchronous FULL) in a temp dir, unless
/// <c>ENGINE_BENCH_ORDERS_JOURNAL</c> names another plugin or database (<c>akka-sql</c>; <c>in-memory</c> isolates the
/// journal's share when profiling) or <c>ENGINE_BENCH_ORDERS_SYNCHRONOUS</c> another SQLite level. Disposing deletes the dir.
/// </summary>
internal sealed class BenchJournal : IDisposable
{
    private readonly DirectoryInfo directory;

    public BenchJournal(string prefix)
    {
        directory = Directory.CreateTempSubdirectory(prefix);
        var sqlite = new SqliteOptions { Path = Path.Combine(directory.FullName, "journal.db"), Synchronous = Synchronous };
        var choice = Environment.GetEnvironmentVariable("ENGINE_BENCH_ORDERS_JOURNAL") is { Length: > 0 } chosen ? chosen : "engine";
        var plugin = choice == "akka-sql" ? "akka-sql" : "engine";
        var database = choice == "in-memory" ? "in-memory" : "sqlite";
        Journal = new JournalOptions { Plugin = plugin, Database = database, Sqlite = sqlite };
        Snapshots = new SnapshotStoreOptions { Plugin = plugin, Database = database, Sqlite = sqlite };
        Description = $"{plugin} on {database}" + (database == "sqlite" ? $" (synchronous {sqlite.Synchronous}, {sqlite.Path})" : string.Empty);
    }

    /// <summary>The journal's options, as <c>engine.journal</c> would bind them.</summary>
    public JournalOptions Journal { get; }

    /// <summary>The snapshot store's options (same database file).</summary>
    public SnapshotStoreOptions Snapshots { get; }

    /// <summary>Plugin, database and durability, for the progress lines.</summary>
    public string Description { get; }

    private static SqliteSynchronous Synchronous =>
        Enum.TryParse<SqliteSynchronous>(Environment.GetEnvironmentVariable("ENGINE_BENCH_ORDERS_SYNCHRONOUS"), ignoreCase: true, out var level)
            ? level
            : new SqliteOptions().Synchronous;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ENGINE_BENCH_KEEP_JOURNAL") == "1")
        {
            return;
        }

        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file for a moment; the temp dir is left behind then.
        }
    }
}
