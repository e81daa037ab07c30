using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Rebuilding the book from the journal, and what to ask the venue afterwards.</summary>
public sealed partial class OrderBookActor
{
    private void OnRecoverEvent(IOrderEvent replayed)
    {
        var decision = _book.Apply(replayed);
        if (!decision.ShouldPersist)
        {
            LogNotPersisted(decision);
        }
    }

    /// <summary>
    /// Restores the cancels that wait for a venue id (PendingCancel without one) and asks the connection to resolve
    /// every working or Unknown order: whatever happened while the engine was down is on the venue.
    /// </summary>
    private void OnRecoveryCompleted()
    {
        foreach (var order in _book.Orders.Where(o => o.Status == OrderStatus.PendingCancel && o.VenueOrderId is null))
        {
            _cancelWhenVenueIdKnown.Add(order.ClientOrderId);
        }

        var working = _book.Working.ToList();
        LogRecovered(Log, _login.Value, _book.Orders.Count, working.Count);
        AskToResolve(working.Select(o => o.Symbol));
    }
}
