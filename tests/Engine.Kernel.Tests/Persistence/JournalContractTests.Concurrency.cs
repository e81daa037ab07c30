using Engine.Persistence.Journal;
using Engine.Kernel.Tests.Persistence.Support;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>Group commit under concurrency and failure.</summary>
public abstract partial class JournalContractTests
{
    [JournalFact]
    public async Task Many_concurrent_writers_keep_every_stream_in_order_without_gaps()
    {
        const int writers = 50;
        const int eventsEach = 200;
        var journal = await OpenJournalAsync();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var seq = 1; seq <= eventsEach; seq++)
            {
                await journal.WriteAsync([TestEvents.Write($"w{w}", seq, 1)]);
            }
        }))).WaitAsync(TimeSpan.FromMinutes(5));

        var all = await journal.CurrentAllEvents(0).ToListAsync();
        Assert.Equal(writers * eventsEach, all.Count);
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.First.Ordering < pair.Second.Ordering));
        foreach (var stream in all.GroupBy(e => e.PersistenceId))
        {
            Assert.Equal(Enumerable.Range(1, eventsEach).Select(i => (long)i), stream.Select(e => e.SequenceNr));
        }

        Assert.Equal(writers, all.Select(e => e.PersistenceId).Distinct().Count());
    }

    [JournalFact]
    public async Task A_conflict_in_the_middle_of_a_batch_fails_every_caller_and_commits_nothing()
    {
        var gated = new GatedStorage(await OpenStorageAsync());
        var journal = Track(new GroupCommitJournal(gated, DefaultOptions, TimeProvider.System));
        var holder = journal.WriteAsync([TestEvents.Write("holder", 1, 1)]);
        await gated.FirstBatchEntered.WaitAsync(TimeSpan.FromSeconds(30));

        var callers = new[]
        {
            journal.WriteAsync([TestEvents.Write("p1", 1, 2)]),
            journal.WriteAsync([TestEvents.Write("p2", 1, 1)]),
            journal.WriteAsync([TestEvents.Write("holder", 1, 1)]),
            journal.WriteAsync([TestEvents.Write("p4", 1, 3)]),
            journal.WriteAsync([TestEvents.Write("p5", 1, 1)]),
        };
        gated.Release();
        await holder.WaitAsync(TimeSpan.FromSeconds(30));

        foreach (var caller in callers)
        {
            var ex = await Assert.ThrowsAsync<JournalWriteException>(() => caller.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(("holder", 1L), (ex.PersistenceId, ex.SequenceNr!.Value));
        }

        Assert.Equal(5, gated.Batches[^1].Count);
        foreach (var pid in new[] { "p1", "p2", "p4", "p5" })
        {
            Assert.Equal(0, await journal.ReadHighestSequenceNrAsync(pid, 0));
        }

        await journal.WriteAsync([TestEvents.Write("p1", 1, 1)]).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["holder:1", "p1:1"], (await journal.CurrentAllEvents(0).ToListAsync()).Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
    }

    [JournalFact]
    public async Task A_live_tail_sees_every_event_of_two_journals_writing_concurrently_in_increasing_order()
    {
        const int streams = 10;
        const int eventsEach = 50;
        var a = await OpenJournalAsync();
        var b = await OpenJournalAsync();
        var tail = a.AllEvents(0).TakeAsync(2 * streams * eventsEach);

        await Task.WhenAll(new[] { (Journal: a, Prefix: "a"), (Journal: b, Prefix: "b") }
            .SelectMany(j => Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
            {
                for (var seq = 1; seq <= eventsEach; seq++)
                {
                    await j.Journal.WriteAsync([TestEvents.Write($"{j.Prefix}{s}", seq, 1)]);
                }
            })))).WaitAsync(TimeSpan.FromMinutes(2));
        var seen = await tail;

        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.First.Ordering < pair.Second.Ordering));
        Assert.Equal(2 * streams * eventsEach, seen.Select(e => (e.PersistenceId, e.SequenceNr)).Distinct().Count());
        foreach (var stream in seen.GroupBy(e => e.PersistenceId))
        {
            Assert.Equal(Enumerable.Range(1, eventsEach).Select(i => (long)i), stream.Select(e => e.SequenceNr));
        }
    }
}
