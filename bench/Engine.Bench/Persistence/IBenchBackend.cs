using Engine.Persistence.Journal;

namespace Engine.Bench.Persistence;

/// <summary>A storage under benchmark: opens a fresh journal and runs the raw-SQL baselines on the same schema.</summary>
internal interface IBenchBackend : IAsyncDisposable
{
    /// <summary>Suffix of the case names: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Name { get; }

    /// <summary>Opens a journal over a fresh, empty store named <paramref name="store"/>.</summary>
    Task<IJournal> OpenJournalAsync(string store);

    /// <summary>Inserts rows (pid i of <paramref name="writers"/>, one row each per transaction round) with plain batched INSERTs into a fresh store.</summary>
    Task RawAppendAsync(string store, int writers, int eventsEach, string payload);

    /// <summary>Bulk-loads <paramref name="count"/> events of one stream (untimed set-up).</summary>
    Task LoadAsync(string store, string persistenceId, int count, string manifest, string payload);

    /// <summary>Reads every column of the stream's rows in sequence order with a plain SELECT; returns the row count.</summary>
    Task<long> RawScanAsync(string store, string persistenceId);
}
