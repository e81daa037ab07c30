using Engine.Kernel.Tests.Persistence.Support;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>Current and live queries.</summary>
public abstract partial class JournalContractTests
{
    [JournalFact]
    public async Task Current_events_by_persistence_id_respect_the_inclusive_range_across_pages()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 150)]);
        await journal.WriteAsync([TestEvents.Write("b", 1, 5)]);

        var page = await journal.CurrentEventsByPersistenceId("a", 10, 140).ToListAsync();

        Assert.Equal(Enumerable.Range(10, 131).Select(i => (long)i), page.Select(e => e.SequenceNr));
        Assert.All(page, e => Assert.Equal("a", e.PersistenceId));
    }

    [JournalFact]
    public async Task Current_all_events_reads_past_many_pages()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 300)]);

        var all = await journal.CurrentAllEvents(0).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), all.Select(e => e.SequenceNr));
    }

    [JournalFact]
    public async Task Live_all_events_continues_from_history_into_new_commits()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 2)]);

        var tail = journal.AllEvents(0).TakeAsync(6);
        await journal.WriteAsync([TestEvents.Write("b", 1, 3)]);
        await journal.WriteAsync([TestEvents.Write("a", 3, 1)]);
        var seen = await tail;

        Assert.Equal(["a:1", "a:2", "b:1", "b:2", "b:3", "a:3"], seen.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
    }

    [JournalFact]
    public async Task Live_events_by_persistence_id_completes_at_the_upper_bound()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 1)]);

        var live = journal.EventsByPersistenceId("a", 1, 3).ToListAsync();
        await journal.WriteAsync([TestEvents.Write("b", 1, 1)]);
        await journal.WriteAsync([TestEvents.Write("a", 2, 3)]);
        var seen = await live.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1L, 2, 3], seen.Select(e => e.SequenceNr));
    }

    [JournalFact]
    public async Task Live_events_by_tag_delivers_new_tagged_events_only()
    {
        var journal = await OpenJournalAsync();
        var live = journal.EventsByTag("fills", 0).TakeAsync(2);
        await journal.WriteAsync([TestEvents.Write("a", 1, 1, "orders")]);
        await journal.WriteAsync([TestEvents.Write("a", 2, 1, "fills")]);
        await journal.WriteAsync([TestEvents.Write("b", 1, 1, "fills")]);

        var seen = await live;

        Assert.Equal(["a:2", "b:1"], seen.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
    }

    [JournalFact]
    public async Task Live_query_stops_when_cancelled()
    {
        var journal = await OpenJournalAsync();
        using var cts = new CancellationTokenSource();
        var live = journal.AllEvents(0, cts.Token).ToListAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 1)]);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
