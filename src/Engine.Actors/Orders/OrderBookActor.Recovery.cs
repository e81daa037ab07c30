using Engine.Kernel.Persistence.Actors;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Rebuilding the book from the journal, and what to ask the venue afterwards.</summary>
public sealed partial class OrderBookActor
{
    private void OnSnapshotOffer(SnapshotOffer offer)
    {
        if (offer.Snapshot is OrderBookSnapshot snapshot)
        {
            _book.Restore(snapshot.Orders);
        }
    }

    private void OnRecoverEvent(IOrderEvent replayed)
    {
        _eventsSinceSnapshot++;
        var decision = _book.Apply(replayed);
        if (!decision.ShouldPersist)
        {
            LogNotPersisted(decision);
        }
    }

    /// <summary>
    /// Restores the cancels that wait for a venue id (PendingCancel without one); records orders whose place reply
    /// the previous incarnation never got (no venue id, Submitted or PendingCancel) as Unknown, since no reply will
    /// come to this one; then asks the connection to resolve every working or Unknown order: whatever happened while
    /// the engine was down is on the venue.
    /// </summary>
    private void OnRecoveryCompleted()
    {
        var stranded = _book.Orders
            .Where(o => o.VenueOrderId is null && o.Status is OrderStatus.Submitted or OrderStatus.PendingCancel)
            .OrderBy(o => o.CreatedAt)
            .ToList();
        foreach (var order in stranded.Where(o => o.Status == OrderStatus.PendingCancel))
        {
            _cancelWhenVenueIdKnown.Add(order.ClientOrderId);
        }

        LogRecovered(Log, _login.Value, _book.Orders.Count, _book.Working.Count());
        var now = Now;
        Drain(
            stranded.Select(o => new OrderStatusUnknown(_login, o.ClientOrderId, now, "the engine restarted before the venue answered the place request")),
            () => AskToResolve(_book.Working.Select(o => o.Symbol)));
    }

    /// <summary>
    /// The book as it is now when a snapshot is due (saved once the event just applied committed; the store keeps the
    /// newest few); null otherwise. Due every <see cref="OrderBookOptions.SnapshotEvery"/> applied events, but never
    /// sooner than one event per order in the book: a snapshot costs time proportional to the orders it holds (terminal
    /// ones included), so this keeps its cost per event bounded however many orders accumulate, while recovery still
    /// replays at most that many events after it.
    /// </summary>
    private OrderBookSnapshot? SnapshotIfDue()
    {
        if (_options.SnapshotEvery > 0 && ++_eventsSinceSnapshot >= Math.Max(_options.SnapshotEvery, _book.Orders.Count))
        {
            _eventsSinceSnapshot = 0;
            return OrderBookSnapshot.Of(_book);
        }

        return null;
    }
}
