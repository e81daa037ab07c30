using Engine.Kernel.Persistence.Journal;
using Engine.Kernel.Persistence.Snapshots;
using Engine.Kernel.Persistence.Sqlite;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>The contract against SQLite: a fresh database file per test, deleted afterwards.</summary>
public sealed class SqliteJournalTests : JournalContractTests
{
    private readonly string directory = Directory.CreateTempSubdirectory("engine-sqlite-").FullName;

    private SqliteOptions Options => new() { Path = Path.Combine(directory, "journal.db") };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    protected override async Task<IJournalStorage> OpenStorageAsync() => await SqliteJournalStorage.OpenAsync(Options);

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync(int keepLatest) => await SqliteSnapshotStore.OpenAsync(Options, keepLatest);
}
