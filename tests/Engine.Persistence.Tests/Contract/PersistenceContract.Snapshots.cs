using Akka.Actor;
using Akka.Persistence;
using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Contract;

/// <summary>Snapshots: save, select by criteria, delete one, delete by criteria, and recovery from a snapshot.</summary>
public abstract partial class PersistenceContract
{
    [ContractFact]
    public void Snapshots_are_saved_selected_by_criteria_and_deleted()
    {
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var seq = 1; seq <= 3; seq++)
        {
            store.Tell(new SaveSnapshot(new SnapshotMetadata("snaps", seq * 10, start.AddMinutes(seq)), new Snap("s" + seq)));
            ExpectMsg<SaveSnapshotSuccess>(Patience);
        }

        Assert.Equal("s3", Load(store, SnapshotSelectionCriteria.Latest)?.State);
        Assert.Equal("s2", Load(store, new SnapshotSelectionCriteria(25))?.State);
        Assert.Equal("s1", Load(store, new SnapshotSelectionCriteria(long.MaxValue, start.AddMinutes(1.5)))?.State);
        Assert.Null(Load(store, new SnapshotSelectionCriteria(5)));
        Assert.Null(Load(store, SnapshotSelectionCriteria.Latest, "other"));

        store.Tell(new DeleteSnapshot(new SnapshotMetadata("snaps", 30, start.AddMinutes(3))));
        ExpectMsg<DeleteSnapshotSuccess>(Patience);
        Assert.Equal("s2", Load(store, SnapshotSelectionCriteria.Latest)?.State);

        store.Tell(new DeleteSnapshots("snaps", new SnapshotSelectionCriteria(20)));
        ExpectMsg<DeleteSnapshotsSuccess>(Patience);
        Assert.Null(Load(store, SnapshotSelectionCriteria.Latest));
    }

    [ContractFact]
    public void Recovery_starts_from_the_selected_snapshot_and_replays_the_rest()
    {
        var actor = Start("recover");
        Write(actor, "a", "b");
        actor.Tell(new ContractActor.Snapshot());
        ExpectMsg<SaveSnapshotSuccess>(Patience);
        Write(actor, "c");
        Stop(actor);

        var latest = GetState(Start("recover"));
        Assert.True(latest.FromSnapshot);
        Assert.Equal(["a", "b", "c"], latest.Values);

        var none = GetState(Start("recover", new Recovery(SnapshotSelectionCriteria.None)));
        Assert.False(none.FromSnapshot);
        Assert.Equal(["a", "b", "c"], none.Values);
    }

    private Snap? Load(IActorRef store, SnapshotSelectionCriteria criteria, string persistenceId = "snaps")
    {
        store.Tell(new LoadSnapshot(persistenceId, criteria, long.MaxValue));
        return ExpectMsg<LoadSnapshotResult>(Patience).Snapshot?.Snapshot as Snap;
    }
}
