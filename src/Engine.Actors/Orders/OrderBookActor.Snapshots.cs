using Akka.Persistence;

namespace Engine.Actors.Orders;

/// <summary>When to snapshot, and keeping only the newest <see cref="OrderBookOptions.KeepSnapshots"/> snapshots.</summary>
public sealed partial class OrderBookActor
{
    /// <summary>
    /// Sequence numbers of the snapshots this incarnation knows are stored (the one recovery started from, then every
    /// saved one), oldest first; older ones of earlier incarnations may exist below them.
    /// </summary>
    private readonly SortedSet<long> _snapshots = [];

    /// <summary>
    /// Events per order in the book that must be applied before the next snapshot, at the least. An order's life is at
    /// least two events (submitted, then accepted or rejected), so a growing book is saved again once it has doubled:
    /// every order is written into about two snapshots while the book grows (at one event per order, about three), and
    /// recovery replays at most two events per order after the snapshot it starts from.
    /// </summary>
    private const int EventsPerOrderBetweenSnapshots = 2;

    /// <summary>
    /// The book as it is now when a snapshot is due (saved once the event just applied committed); null otherwise.
    /// Due every <see cref="OrderBookOptions.SnapshotEvery"/> applied events, but never sooner than
    /// <see cref="EventsPerOrderBetweenSnapshots"/> events per order in the book: a snapshot costs time and bytes in
    /// proportion to the orders it holds (terminal ones included), and while it is written the database writes nothing
    /// else, so this keeps its cost per event bounded however many orders accumulate. Captured now, so it holds exactly
    /// the events up to this one; immutable, since the snapshot store serializes it on its own thread.
    /// </summary>
    private OrderBookSnapshot? SnapshotIfDue()
    {
        if (_options.SnapshotEvery > 0 && ++_eventsSinceSnapshot >= Math.Max(_options.SnapshotEvery, EventsPerOrderBetweenSnapshots * _book.Orders.Count))
        {
            _eventsSinceSnapshot = 0;
            return OrderBookSnapshot.Of(_book);
        }

        return null;
    }

    /// <summary>
    /// Keeps the newest <see cref="OrderBookOptions.KeepSnapshots"/> snapshots (0 keeps all): once that many are known,
    /// every snapshot below the oldest one kept is deleted after each save, those of earlier incarnations included (the
    /// first save after a recovery already clears what lies below the snapshot recovered from). Sound because a snapshot
    /// is only ever replaced by a newer one: recovery always starts from the newest, and the kept ones are never
    /// touched. Saves may complete out of order; the set orders them by sequence number.
    /// </summary>
    private void OnSnapshotSaved(SaveSnapshotSuccess saved)
    {
        _snapshots.Add(saved.Metadata.SequenceNr);
        var keep = _options.KeepSnapshots;
        if (keep == 0 || _snapshots.Count < keep)
        {
            return;
        }

        var oldestKept = _snapshots.ElementAt(_snapshots.Count - keep);
        if (oldestKept > 1)
        {
            _snapshots.RemoveWhere(seq => seq < oldestKept);
            DeleteSnapshots(new SnapshotSelectionCriteria(oldestKept - 1));
        }
    }

    private void OnSnapshotFailed(SaveSnapshotFailure failed) =>
        LogSnapshotFailed(_log, failed.Cause, _persistenceId, failed.Metadata.SequenceNr);

    private void OnSnapshotsNotDeleted(DeleteSnapshotsFailure failed) =>
        LogSnapshotsNotDeleted(_log, failed.Cause, _persistenceId, failed.Criteria.MaxSequenceNr);
}
