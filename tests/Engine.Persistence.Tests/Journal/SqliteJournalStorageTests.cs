using Engine.Persistence.Journal;
using Engine.Persistence.Sqlite;
using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Journal;

/// <summary>
/// The SQLite storage keeps one writer connection with its statements prepared once: a transaction that fails on a
/// duplicate (persistence id, sequence number) rolls back whole, and the same connection goes on writing.
/// </summary>
public sealed class SqliteJournalStorageTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("engine-sqlite-storage-");

    [Fact]
    public async Task A_batch_with_a_duplicate_sequence_number_commits_nothing_and_the_next_batch_commits()
    {
        await using var storage = await SqliteJournalStorage.OpenAsync(new SqliteOptions { Path = Path.Combine(directory.FullName, "journal.db") });
        await storage.WriteBatchAsync([new AtomicWrite([JournalRows.Event("p-1", 1)])], CancellationToken.None);

        var duplicate = await Assert.ThrowsAsync<JournalWriteException>(() =>
            storage.WriteBatchAsync([new AtomicWrite([JournalRows.Event("p-2", 1)]), new AtomicWrite([JournalRows.Event("p-1", 2)]), new AtomicWrite([JournalRows.Event("p-1", 1)])], CancellationToken.None));
        Assert.Contains("p-1", duplicate.Message, StringComparison.Ordinal);

        await storage.WriteBatchAsync([new AtomicWrite([JournalRows.Event("p-1", 2)]), new AtomicWrite([JournalRows.Event("p-2", 1)])], CancellationToken.None);
        Assert.Equal([1L, 2L], await SequenceNumbersAsync(storage, "p-1"));
        Assert.Equal([1L], await SequenceNumbersAsync(storage, "p-2"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private static async Task<List<long>> SequenceNumbersAsync(SqliteJournalStorage storage, string persistenceId)
    {
        var found = new List<long>();
        await foreach (var envelope in storage.ReadByPersistenceIdAsync(persistenceId, 0, long.MaxValue, long.MaxValue, CancellationToken.None))
        {
            found.Add(envelope.Event.SequenceNr);
        }

        return found;
    }
}
