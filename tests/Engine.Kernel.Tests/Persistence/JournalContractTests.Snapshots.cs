using Engine.Persistence.Snapshots;
using Engine.Kernel.Tests.Persistence.Support;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>Snapshot store contract.</summary>
public abstract partial class JournalContractTests
{
    private static SelectedSnapshot Snapshot(string pid, long seq, string state = "s") =>
        new(new SnapshotMetadata(pid, seq, TestEvents.Epoch.AddTicks((seq * 1_000_003) + 1)), "state.v1", $"{{\"state\":\"{state}{seq}\"}}");

    [JournalFact]
    public async Task Snapshots_load_the_latest_match_and_honour_criteria()
    {
        var store = Track(await OpenSnapshotStoreAsync(keepLatest: 0));
        foreach (var seq in new long[] { 5, 10, 15 })
        {
            await store.SaveAsync(Snapshot("a", seq));
        }

        await store.SaveAsync(Snapshot("b", 99));

        var latest = await store.LoadAsync("a", SnapshotSelectionCriteria.Latest);
        var bounded = await store.LoadAsync("a", new SnapshotSelectionCriteria { MaxSequenceNr = 12 });
        var byTime = await store.LoadAsync("a", new SnapshotSelectionCriteria { MaxTimestamp = Snapshot("a", 5).Metadata.Timestamp });
        var none = await store.LoadAsync("a", SnapshotSelectionCriteria.None);

        Assert.Equal(Snapshot("a", 15), latest);
        Assert.Equal(10, bounded?.Metadata.SequenceNr);
        Assert.Equal(5, byTime?.Metadata.SequenceNr);
        Assert.Null(none);
        Assert.Null(await store.LoadAsync("c", SnapshotSelectionCriteria.Latest));
    }

    [JournalFact]
    public async Task Snapshot_retention_keeps_the_newest_n()
    {
        var store = Track(await OpenSnapshotStoreAsync(keepLatest: 2));
        foreach (var seq in new long[] { 1, 2, 3, 4 })
        {
            await store.SaveAsync(Snapshot("a", seq));
        }

        Assert.Equal(4, (await store.LoadAsync("a", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Equal(3, (await store.LoadAsync("a", new SnapshotSelectionCriteria { MaxSequenceNr = 3 }))?.Metadata.SequenceNr);
        Assert.Null(await store.LoadAsync("a", new SnapshotSelectionCriteria { MaxSequenceNr = 2 }));
    }

    [JournalFact]
    public async Task Snapshots_are_replaced_and_deleted_precisely()
    {
        var store = Track(await OpenSnapshotStoreAsync(keepLatest: 0));
        foreach (var seq in new long[] { 1, 2, 3 })
        {
            await store.SaveAsync(Snapshot("a", seq));
        }

        await store.SaveAsync(Snapshot("a", 3, "replaced"));
        Assert.Equal(Snapshot("a", 3, "replaced"), await store.LoadAsync("a", SnapshotSelectionCriteria.Latest));

        await store.DeleteAsync(Snapshot("a", 3).Metadata);
        Assert.Equal(2, (await store.LoadAsync("a", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);

        await store.DeleteAsync("a", new SnapshotSelectionCriteria { MaxSequenceNr = 1 });
        Assert.Equal(2, (await store.LoadAsync("a", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Null(await store.LoadAsync("a", new SnapshotSelectionCriteria { MaxSequenceNr = 1 }));

        await store.DeleteAsync("a", SnapshotSelectionCriteria.Latest);
        Assert.Null(await store.LoadAsync("a", SnapshotSelectionCriteria.Latest));
    }
}
