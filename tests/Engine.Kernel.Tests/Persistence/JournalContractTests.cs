using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Kernel.Tests.Persistence.Support;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>
/// The journal contract every plug-in must pass. Each test gets a fresh class instance, and each
/// concrete class gives every instance its own file, schema or store, so tests run in parallel.
/// </summary>
public abstract partial class JournalContractTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> opened = [];

    protected static JournalOptions DefaultOptions { get; } = new() { PollInterval = TimeSpan.FromMilliseconds(200), QueryPageSize = 64 };

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(opened))
        {
            await item.DisposeAsync();
        }
    }

    /// <summary>Opens storage over this instance's backing store; a second call reopens the same data.</summary>
    protected abstract Task<IJournalStorage> OpenStorageAsync();

    /// <summary>Opens a snapshot store over this instance's backing store.</summary>
    protected abstract Task<ISnapshotStore> OpenSnapshotStoreAsync(int keepLatest);

    protected async Task<GroupCommitJournal> OpenJournalAsync(JournalOptions? options = null) =>
        Track(new GroupCommitJournal(await OpenStorageAsync(), options ?? DefaultOptions, TimeProvider.System));

    protected T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        opened.Add(disposable);
        return disposable;
    }

    [JournalFact]
    public async Task Writes_and_replays_inclusive_ranges_with_every_field_intact()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 10, "t1", "t2")]);

        var range = await journal.ReplayAsync("a", 3, 7, long.MaxValue).ToListAsync();
        var limited = await journal.ReplayAsync("a", 3, 7, 2).ToListAsync();

        Assert.Equal([3L, 4, 5, 6, 7], range.Select(e => e.SequenceNr));
        Assert.Equal([3L, 4], limited.Select(e => e.SequenceNr));
        var expected = TestEvents.Event("a", 5, "t1", "t2");
        var actual = range[2];
        Assert.Equal(expected.PersistenceId, actual.PersistenceId);
        Assert.Equal(expected.Manifest, actual.Manifest);
        Assert.Equal(expected.Payload, actual.Payload);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Writer, actual.Writer);
        Assert.Equal(10, await journal.ReadHighestSequenceNrAsync("a", 0));
        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("unknown", 0));
        Assert.Empty(await journal.ReplayAsync("a", 11, long.MaxValue, long.MaxValue).ToListAsync());
    }

    [JournalFact]
    public async Task Sequence_conflict_fails_the_whole_call_and_names_pid_and_seq()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 3)]);

        var ex = await Assert.ThrowsAsync<JournalWriteException>(() =>
            journal.WriteAsync([TestEvents.Write("b", 1, 2), TestEvents.Write("a", 3, 2)]));

        Assert.True(ex.IsSequenceConflict, ex.ToString());
        Assert.Equal("a", ex.PersistenceId);
        Assert.Equal(3, ex.SequenceNr);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("b", 0));
        Assert.Equal(3, await journal.ReadHighestSequenceNrAsync("a", 0));
        await journal.WriteAsync([TestEvents.Write("a", 4, 1)]);
        Assert.Equal(4, await journal.ReadHighestSequenceNrAsync("a", 0));
    }

    [JournalFact]
    public async Task Duplicate_within_one_batch_is_a_conflict()
    {
        var journal = await OpenJournalAsync();

        var ex = await Assert.ThrowsAsync<JournalWriteException>(() =>
            journal.WriteAsync([TestEvents.Write("a", 1, 2), TestEvents.Write("a", 2, 1)]));

        Assert.Equal(("a", 2L), (ex.PersistenceId, ex.SequenceNr!.Value));
        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("a", 0));
    }

    [JournalFact]
    public async Task Orderings_strictly_increase_and_resume_after_an_offset()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 2)]);
        await journal.WriteAsync([TestEvents.Write("b", 1, 3)]);
        await journal.WriteAsync([TestEvents.Write("a", 3, 1)]);

        var all = await journal.CurrentAllEvents(0).ToListAsync();
        var rest = await journal.CurrentAllEvents(all[2].Ordering).ToListAsync();

        Assert.Equal(["a:1", "a:2", "b:1", "b:2", "b:3", "a:3"], all.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.First.Ordering < pair.Second.Ordering));
        Assert.Equal(all.Skip(3).Select(e => e.Ordering), rest.Select(e => e.Ordering));
    }

    [JournalFact]
    public async Task Tags_select_exactly_the_tagged_events()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 2, "fills")]);
        await journal.WriteAsync([TestEvents.Write("b", 1, 2, "fillsx", "orders")]);
        await journal.WriteAsync([TestEvents.Write("c", 1, 1, "orders", "fills")]);
        await journal.WriteAsync([TestEvents.Write("d", 1, 1)]);

        var fills = await journal.CurrentEventsByTag("fills", 0).ToListAsync();
        var orders = await journal.CurrentEventsByTag("orders", 0).ToListAsync();
        var afterFirst = await journal.CurrentEventsByTag("fills", fills[0].Ordering).ToListAsync();

        Assert.Equal(["a:1", "a:2", "c:1"], fills.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
        Assert.Equal(["b:1", "b:2", "c:1"], orders.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
        Assert.Equal(["a:2", "c:1"], afterFirst.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
        Assert.Empty(await journal.CurrentEventsByTag("fill", 0).ToListAsync());
    }

    [JournalFact]
    public async Task Delete_hides_events_but_keeps_the_highest_sequence_number()
    {
        var journal = await OpenJournalAsync();
        await journal.WriteAsync([TestEvents.Write("a", 1, 5)]);

        await journal.DeleteMessagesToAsync("a", 3);
        Assert.Equal([4L, 5], (await journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync()).Select(e => e.SequenceNr));
        Assert.Equal([4L, 5], (await journal.CurrentEventsByPersistenceId("a", 1, long.MaxValue).ToListAsync()).Select(e => e.SequenceNr));

        await journal.DeleteMessagesToAsync("a", long.MaxValue);
        Assert.Empty(await journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync());
        Assert.Equal(5, await journal.ReadHighestSequenceNrAsync("a", 0));

        await Assert.ThrowsAsync<JournalWriteException>(() => journal.WriteAsync([TestEvents.Write("a", 5, 1)]));
        await journal.WriteAsync([TestEvents.Write("a", 6, 1)]);
        Assert.Equal([6L], (await journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync()).Select(e => e.SequenceNr));
    }

    [JournalFact]
    public async Task Reopening_recovers_every_event_and_continues_ordering()
    {
        var first = await OpenJournalAsync();
        await first.WriteAsync([TestEvents.Write("a", 1, 3, "x")]);
        await first.WriteAsync([TestEvents.Write("b", 1, 2)]);
        var before = await first.CurrentAllEvents(0).ToListAsync();
        await first.DisposeAsync();

        var second = await OpenJournalAsync();
        var after = await second.CurrentAllEvents(0).ToListAsync();
        var highest = await second.ReadHighestSequenceNrAsync("a", 0);
        await second.WriteAsync([TestEvents.Write("a", 4, 1)]);
        var appended = await second.CurrentAllEvents(after[^1].Ordering).ToListAsync();

        Assert.Equal(before.Select(e => (e.Ordering, e.PersistenceId, e.SequenceNr, e.Event.Payload)), after.Select(e => (e.Ordering, e.PersistenceId, e.SequenceNr, e.Event.Payload)));
        Assert.Equal(3, highest);
        Assert.Equal(["a:4"], appended.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
        Assert.True(appended[0].Ordering > after[^1].Ordering);
    }
}
