using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

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

    [Fact]
    public async Task Schema_creation_is_idempotent_and_refuses_a_newer_schema_version()
    {
        await (await SqliteJournalStorage.OpenAsync(Options)).DisposeAsync();
        await (await SqliteJournalStorage.OpenAsync(Options)).DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={Options.Path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var bump = connection.CreateCommand();
            bump.CommandText = "UPDATE schema_version SET version = 99 WHERE component = 'journal';";
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteJournalStorage.OpenAsync(Options));

        Assert.Contains("version 99", ex.Message, StringComparison.Ordinal);
    }

    protected override async Task<IJournalStorage> OpenStorageAsync() => await SqliteJournalStorage.OpenAsync(Options);

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync(int keepLatest) => await SqliteSnapshotStore.OpenAsync(Options, keepLatest);
}
