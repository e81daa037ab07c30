using Akka.Persistence;
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
            _risk.Reset(_book.Orders);
            _snapshots.Add(offer.Metadata.SequenceNr);
        }
    }

    private void OnRecoverEvent(IOrderEvent replayed)
    {
        _eventsSinceSnapshot++;
        var before = _book.Find(replayed.ClientOrderId);
        var decision = _book.Apply(replayed);
        _risk.Track(before, _book.Find(replayed.ClientOrderId));
        if (!decision.ShouldPersist)
        {
            LogNotPersisted(decision);
        }
        else
        {
            Ledger(replayed);
        }
    }

    /// <summary>
    /// An event in an older schema version reached the actor as the serializer stored it: no read event adapter upcast
    /// it (<see cref="OrderJournal.AkkaConfig"/> binds <see cref="OrderJournalUpcaster"/> on the journal). Applying
    /// nothing would silently lose it, so recovery fails (logged, actor stopped).
    /// </summary>
    private void OnOutdatedEvent(OutdatedJournalEvent outdated) =>
        throw new InvalidOperationException(
            $"Order book {_persistenceId} replayed an event of manifest '{outdated.Manifest}' that was not upcast to the current version: " +
            $"bind {nameof(OrderJournalUpcaster)} as a read event adapter of the journal (see {nameof(OrderJournal)}.{nameof(OrderJournal.AkkaConfig)}).");

    /// <summary>
    /// Journals <see cref="SessionStarted"/> with this node's name (<see cref="Monitoring.NodeName"/>) first, so every
    /// session names its node, one that crashes included. Restores the cancels that wait for a venue id (PendingCancel
    /// without one); records orders whose place reply
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

        LogRecovered(_log, _login.Value, _book.Orders.Count, _book.Working.Count());
        var now = Now;
        Drain(
            stranded.Select<OrderState, IOrderEvent>(o => new OrderStatusUnknown(_login, o.ClientOrderId, now, "the engine restarted before the venue answered the place request"))
                .Prepend(new SessionStarted(_login, ExternalOrderId.Session, now, _node)),
            () => AskToResolve([.. _book.Working.Select(o => o.Symbol)]));
    }
}
