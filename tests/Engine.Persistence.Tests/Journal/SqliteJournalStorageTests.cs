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

    [Fact]
    public async Task Every_column_reads_back_as_written_binary_payloads_and_non_ascii_texts_included()
    {
        await using var storage = await SqliteJournalStorage.OpenAsync(new SqliteOptions { Path = Path.Combine(directory.FullName, "journal.db") });
        var at = new DateTimeOffset(2026, 12, 7, 18, 30, 1, TimeSpan.Zero).AddTicks(7);
        var binary = new PersistentRepr("orders/t\u00e9st-\u2713", 1, "Akka.Manifest", string.Empty, ["orders", "login:\u00e9"], at, "writer-\u00e9")
        {
            SerializerId = 4101,
            Binary = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(),
            EventManifest = "OrderAccepted.v1",
        };
        var json = new PersistentRepr("orders/t\u00e9st-\u2713", 2, "evt.v1", "{\"s\":\"\u00e9\u2713\"}", [], at, "writer-\u00e9");
        var empty = new PersistentRepr("orders/t\u00e9st-\u2713", 3, string.Empty, string.Empty, [], at, string.Empty) { SerializerId = 1, Binary = Array.Empty<byte>() };

        await storage.WriteBatchAsync([new AtomicWrite([binary, json, empty])], CancellationToken.None);

        var read = new List<PersistentRepr>();
        await foreach (var envelope in storage.ReadByPersistenceIdAsync(binary.PersistenceId, 0, long.MaxValue, long.MaxValue, CancellationToken.None))
        {
            read.Add(envelope.Event);
        }

        Assert.Equal(3, read.Count);
        Assert.Equal(
            (binary.PersistenceId, binary.SequenceNr, binary.Manifest, binary.Writer, binary.Timestamp, binary.SerializerId, binary.EventManifest),
            (read[0].PersistenceId, read[0].SequenceNr, read[0].Manifest, read[0].Writer, read[0].Timestamp, read[0].SerializerId, read[0].EventManifest));
        Assert.Equal(binary.Tags, read[0].Tags);
        Assert.Equal(binary.Binary.ToArray(), read[0].Binary.ToArray());
        Assert.Equal((json.Payload, (int?)null, string.Empty), (read[1].Payload, read[1].SerializerId, read[1].EventManifest));
        Assert.Empty(read[1].Tags);
        Assert.Equal((string.Empty, string.Empty, 0), (read[2].Manifest, read[2].Writer, read[2].Binary.Length));
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
