using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Bench.Persistence;

/// <summary>A database under benchmark: plugin options for fresh stores, and the raw-SQL baselines.</summary>
internal interface IBenchDatabase : IAsyncDisposable
{
    /// <summary>Suffix of the case names: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Name { get; }

    /// <summary>Options selecting <paramref name="plugin"/> (engine, akka-sql) on a fresh store named <paramref name="store"/>.</summary>
    (JournalOptions Journal, SnapshotStoreOptions Snapshots) Options(string plugin, string store);

    /// <summary>Plain INSERTs into the engine journal's schema in a fresh store: one transaction per round holding one row of each of <paramref name="writers"/> streams.</summary>
    Task RawAppendAsync(string store, int writers, int eventsEach, byte[] payload);

    /// <summary>Reads every column of the stream's rows from <paramref name="plugin"/>'s journal table in sequence order with a plain SELECT; returns the row count.</summary>
    Task<long> RawScanAsync(string plugin, string store, string persistenceId);
}
