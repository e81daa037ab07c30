using Engine.Actors.Orders;
using Engine.Kernel.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookActorSqliteTests : OrderBookActorTestBase
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("orderbook-sqlite-");

    private Task<PersistenceExtension> OpenAsync()
    {
        var sqlite = new SqliteOptions { Path = Path.Combine(_directory.FullName, "engine.db") };
        return PersistenceExtension.OpenAsync(
            new Engine.Persistence.Journal.JournalOptions { Plugin = "sqlite", Sqlite = sqlite },
            new SnapshotStoreOptions { Plugin = "sqlite", Sqlite = sqlite },
            OrderJournal.CreateRegistry(),
            TimeProvider.System);
    }

    [Fact]
    public async Task A_book_on_SQLite_survives_reopening_the_file_with_every_event_tagged()
    {
        await Persistence.DisposeAsync();
        Persistence = await OpenAsync();
        Options = Options with { SnapshotEvery = 3 };
        StartBook();
        Place("c-1", "v-1", quantity: 2m);
        Report(FillReport("v-1", "f-1", 0.5m), FillReport("v-1", "f-2", 0.25m));
        Events.ExpectMsg<OrderPartiallyFilled>();
        Events.ExpectMsg<OrderPartiallyFilled>();
        var before = Orders().Orders.Select(OrderBookActorRecoveryTests.Essence).ToList();
        StopBook();
        await Persistence.DisposeAsync();

        Persistence = await OpenAsync();
        StartBook();
        Connection.ExpectMsg<Engine.Actors.Orders.Protocol.ResolutionNeeded>();

        Assert.Equal(before, Orders().Orders.Select(OrderBookActorRecoveryTests.Essence).ToList());
        Report(FillReport("v-1", "f-2", 0.25m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var stored = new List<PersistentRepr>();
        await foreach (var repr in Persistence.Journal.ReplayAsync(OrderJournal.PersistenceIdOf(Login), 1, long.MaxValue, long.MaxValue))
        {
            stored.Add(repr);
        }

        Assert.Equal(4, stored.Count);
        Assert.All(stored, r => Assert.Equal([OrderJournal.Tag], r.Tags));
        Assert.Equal(nameof(OrderPartiallyFilled) + ".v1", stored[^1].Manifest);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still hold the file; the OS temp cleanup takes it.
        }
    }
}
