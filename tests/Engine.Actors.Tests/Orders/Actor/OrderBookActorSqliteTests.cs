using System.Text;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Orders;
using Microsoft.Data.Sqlite;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// The book on Akka.Persistence.Sql over SQLite (Microsoft.Data.Sqlite, provider <c>SQLite.MS</c>, tags in the tag
/// table). Two journal and snapshot store plugin instances are configured on the same file: the second incarnation of
/// the book runs on the second pair, after SQLite's connection pool was cleared, so everything it recovers was read
/// back from the file and nothing carries over in the memory of a plugin.
/// </summary>
public sealed class OrderBookActorSqliteTests : OrderBookActorTestBase
{
    private const string First = "sqlite-first";
    private const string Second = "sqlite-second";
    private readonly DirectoryInfo _directory;

    public OrderBookActorSqliteTests()
        : this(Directory.CreateTempSubdirectory("orderbook-sqlite-"))
    {
    }

    private OrderBookActorSqliteTests(DirectoryInfo directory)
        : base(Hocon(DatabaseIn(directory)))
    {
        _directory = directory;
    }

    [Fact]
    public async Task A_book_on_SQLite_survives_reopening_the_file_with_every_event_tagged()
    {
        UsePlugins(First);
        Options = Options with { SnapshotEvery = 3 };
        StartBook();
        Place("c-1", "v-1", quantity: 2m);
        Report(FillReport("v-1", "f-1", 0.5m), FillReport("v-1", "f-2", 0.25m));
        Events.ExpectMsg<OrderPartiallyFilled>();
        Events.ExpectMsg<OrderPartiallyFilled>();
        var before = Orders().Orders.Select(OrderBookActorRecoveryTests.Essence).ToList();
        StopBook();
        SqliteConnection.ClearAllPools();

        UsePlugins(Second);
        StartBook();
        Connection.ExpectMsg<ResolutionNeeded>();

        Assert.Equal(before, Orders().Orders.Select(OrderBookActorRecoveryTests.Essence).ToList());
        Report(FillReport("v-1", "f-2", 0.25m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var stored = await StoredAsync();

        // Each incarnation's session start, and the four order events of the first.
        Assert.Equal(6, stored.Count);
        Assert.All(stored, r => Assert.Equal([OrderJournal.Tag], r.Tags));
        Assert.Equal(nameof(OrderPartiallyFilled) + ".v1", stored[^2].Manifest);
        Assert.Equal(nameof(SessionStarted) + ".v1", stored[^1].Manifest);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere may hold the file; the OS temp cleanup takes it.
        }
    }

    private static string DatabaseIn(DirectoryInfo directory) => Path.Combine(directory.FullName, "engine.db");

    /// <summary>
    /// Two Akka.Persistence.Sql journals and snapshot stores on <paramref name="database"/>, each under its own path (the
    /// plugin takes its other settings from its defaults), with the order journal's event adapters bound on both
    /// journals; the plugin's defaults are the fallback, as a plain-HOCON configuration of Akka.Persistence.Sql needs.
    /// </summary>
    private static string Hocon(string database)
    {
        var hocon = new StringBuilder();
        foreach (var instance in new[] { First, Second })
        {
            hocon.AppendLine($$"""
                akka.persistence.journal.{{instance}} {
                  class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                  plugin-id = "akka.persistence.journal.{{instance}}"
                  connection-string = "Data Source={{database}}"
                  provider-name = "SQLite.MS"
                  tag-write-mode = TagTable
                }
                akka.persistence.snapshot-store.{{instance}} {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  plugin-id = "akka.persistence.snapshot-store.{{instance}}"
                  connection-string = "Data Source={{database}}"
                  provider-name = "SQLite.MS"
                }
                """);
        }

        return hocon
            .AppendLine(OrderJournal.AkkaConfig($"akka.persistence.journal.{First}", $"akka.persistence.journal.{Second}").Root.ToString())
            .ToString();
    }

    private void UsePlugins(string instance)
    {
        JournalPluginId = $"akka.persistence.journal.{instance}";
        SnapshotPluginId = $"akka.persistence.snapshot-store.{instance}";
    }

    /// <summary>The book's rows in the journal table, with their tags from the tag table, in sequence order.</summary>
    private async Task<List<(long SequenceNr, string Manifest, List<string> Tags)>> StoredAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseIn(_directory)};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT j.sequence_number, j.manifest, t.tag
            FROM journal j LEFT JOIN tags t ON t.ordering_id = j.ordering
            WHERE j.persistence_id = $id
            ORDER BY j.sequence_number, t.tag
            """;
        command.Parameters.AddWithValue("$id", OrderJournal.PersistenceIdOf(Login));
        var rows = new List<(long SequenceNr, string Manifest, List<string> Tags)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sequenceNr = reader.GetInt64(0);
            if (rows.Count == 0 || rows[^1].SequenceNr != sequenceNr)
            {
                rows.Add((sequenceNr, reader.GetString(1), []));
            }

            if (!reader.IsDBNull(2))
            {
                rows[^1].Tags.Add(reader.GetString(2));
            }
        }

        return rows;
    }
}
