using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Kernel.Tests.Persistence.Support;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>Batching behaviour of the group-commit writer, observed through a gated storage.</summary>
public sealed class GroupCommitJournalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1_000, 10, new[] { 1, 10 })]
    [InlineData(3, 7, new[] { 1, 3, 3, 1 })]
    [InlineData(1, 3, new[] { 1, 1, 1, 1 })]
    public async Task Writes_queued_during_a_commit_form_the_next_batches_up_to_max_batch(int maxBatch, int queued, int[] expectedBatchSizes)
    {
        var gated = new GatedStorage(new InMemoryJournalStorage());
        await using var journal = new GroupCommitJournal(gated, new JournalOptions { MaxBatch = maxBatch }, TimeProvider.System);
        var first = journal.WriteAsync([TestEvents.Write("first", 1, 1)]);
        await gated.FirstBatchEntered.WaitAsync(Timeout);

        var writes = Enumerable.Range(1, queued).Select(i => journal.WriteAsync([TestEvents.Write("p", i, 1)])).ToList();
        gated.Release();
        await Task.WhenAll(writes.Append(first)).WaitAsync(Timeout);

        Assert.Equal(expectedBatchSizes, gated.Batches.Select(b => b.Sum(w => w.Events.Count)));
        var stored = await journal.CurrentEventsByPersistenceId("p", 1, long.MaxValue).ToListAsync();
        Assert.Equal(Enumerable.Range(1, queued).Select(i => (long)i), stored.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task One_write_larger_than_max_batch_commits_alone_and_whole()
    {
        var gated = new GatedStorage(new InMemoryJournalStorage());
        await using var journal = new GroupCommitJournal(gated, new JournalOptions { MaxBatch = 2 }, TimeProvider.System);
        gated.Release();

        await journal.WriteAsync([TestEvents.Write("big", 1, 5)]).WaitAsync(Timeout);

        Assert.Equal([5], gated.Batches.Select(b => b.Sum(w => w.Events.Count)));
    }

    [Fact]
    public async Task Max_wait_lingers_on_the_time_provider_to_gather_more_writes()
    {
        var time = new ManualTimeProvider();
        var gated = new GatedStorage(new InMemoryJournalStorage());
        gated.Release();
        await using var journal = new GroupCommitJournal(gated, new JournalOptions { MaxWait = TimeSpan.FromSeconds(1) }, time);

        var first = journal.WriteAsync([TestEvents.Write("a", 1, 1)]);
        var second = journal.WriteAsync([TestEvents.Write("b", 1, 1)]);
        await AwaitAsync(() => time.PendingTimers > 0);
        Assert.Empty(gated.Batches);
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, second).WaitAsync(Timeout);

        Assert.Equal([2], gated.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task Max_wait_ends_early_when_the_batch_is_full()
    {
        var time = new ManualTimeProvider();
        var gated = new GatedStorage(new InMemoryJournalStorage());
        gated.Release();
        await using var journal = new GroupCommitJournal(gated, new JournalOptions { MaxWait = TimeSpan.FromSeconds(1), MaxBatch = 2 }, time);

        await Task.WhenAll(journal.WriteAsync([TestEvents.Write("a", 1, 1)]), journal.WriteAsync([TestEvents.Write("b", 1, 1)])).WaitAsync(Timeout);

        Assert.Equal(2, gated.Batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task Dispose_flushes_queued_writes_then_refuses_new_ones()
    {
        var gated = new GatedStorage(new InMemoryJournalStorage());
        var journal = new GroupCommitJournal(gated, new JournalOptions(), TimeProvider.System);
        var first = journal.WriteAsync([TestEvents.Write("a", 1, 1)]);
        await gated.FirstBatchEntered.WaitAsync(Timeout);
        var queued = journal.WriteAsync([TestEvents.Write("a", 2, 1)]);

        var disposing = journal.DisposeAsync().AsTask();
        gated.Release();
        await disposing.WaitAsync(Timeout);

        await first;
        await queued;
        Assert.Equal(2, await gated.ReadHighestSequenceNrAsync("a", 0, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.WriteAsync([TestEvents.Write("a", 3, 1)]));
    }

    [Fact]
    public async Task A_cancelled_token_refuses_the_write_before_it_is_queued()
    {
        await using var journal = new GroupCommitJournal(new InMemoryJournalStorage(), new JournalOptions(), TimeProvider.System);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => journal.WriteAsync([TestEvents.Write("a", 1, 1)], new CancellationToken(canceled: true)));

        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("a", 0));
    }

    [Theory]
    [InlineData("a", 0, "start at 1")]
    [InlineData("a", 2, "contiguous")]
    public void Atomic_write_rejects_malformed_event_lists(string secondPid, long secondSeqOffset, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AtomicWrite(
            secondSeqOffset == 0
                ? [TestEvents.Event(secondPid, 0)]
                : [TestEvents.Event("a", 1), TestEvents.Event(secondPid, 1 + secondSeqOffset)]));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atomic_write_rejects_mixed_streams_and_bad_tags()
    {
        Assert.Throws<ArgumentException>(() => new AtomicWrite([TestEvents.Event("a", 1), TestEvents.Event("b", 2)]));
        Assert.Throws<ArgumentException>(() => new AtomicWrite(TestEvents.Event("a", 1, "bad;tag")));
        Assert.Throws<ArgumentException>(() => new AtomicWrite(TestEvents.Event("a", 1, string.Empty)));
    }

    /// <summary>Awaits a condition set by another thread, bounded by <see cref="Timeout"/>.</summary>
    private static async Task AwaitAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cts.Token);
        }
    }
}
