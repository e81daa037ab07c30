using System.Collections.Immutable;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Deciding, persisting, applying and publishing events; cancels that wait for a venue id.</summary>
public sealed partial class OrderBookActor
{
    /// <summary>Orders whose cancel is recorded but cannot be sent before the venue reveals their id.</summary>
    private readonly HashSet<ClientOrderId> _cancelWhenVenueIdKnown = [];

    /// <summary>Cancels collected while draining one command's events; sent, grouped per symbol, when the drain ends.</summary>
    private readonly List<CancelTarget> _cancelsToSend = [];

    /// <summary>
    /// Decides, persists, applies and publishes <paramref name="events"/> one after another (each decision sees the
    /// book after the previous event), then sends the collected cancels and runs <paramref name="completed"/>.
    /// Events the book refuses are logged and skipped. Held reports released by a newly revealed venue id are
    /// processed right after the event that revealed it.
    /// </summary>
    private void Drain(IEnumerable<IOrderEvent> events, Action? completed = null) =>
        DrainQueue(new LinkedList<IOrderEvent>(events), completed);

    private void DrainQueue(LinkedList<IOrderEvent> queue, Action? completed)
    {
        while (queue.First is { } node)
        {
            queue.RemoveFirst();
            var decision = _book.Decide(node.Value);
            if (decision.ShouldPersist)
            {
                Persist(decision.Event, persisted =>
                {
                    AfterPersist(persisted, queue);
                    DrainQueue(queue, completed);
                });
                return;
            }

            LogNotPersisted(decision);
        }

        SendCollectedCancels();
        completed?.Invoke();
    }

    /// <summary>Runs in the persist handler: apply, publish, release held reports and pending cancels.</summary>
    private void AfterPersist(IOrderEvent persisted, LinkedList<IOrderEvent> queue)
    {
        var before = _book.Find(persisted.ClientOrderId);
        var decision = _book.Apply(persisted);
        if (!decision.ShouldPersist)
        {
            LogNotPersisted(decision);
        }

        Publish(persisted);
        SnapshotWhenDue();
        if (_book.Find(persisted.ClientOrderId) is not { } after)
        {
            return;
        }

        if (before?.VenueOrderId is null && after.VenueOrderId is { } revealed)
        {
            var held = _book.TakeHeld(revealed, after.ClientOrderId);
            for (var i = held.Length - 1; i >= 0; i--)
            {
                queue.AddFirst(held[i]);
            }
        }

        if (persisted is OrderCancelRequested)
        {
            if (after.VenueOrderId is { } venueId)
            {
                _cancelsToSend.Add(new CancelTarget(after.ClientOrderId, venueId));
            }
            else
            {
                _cancelWhenVenueIdKnown.Add(after.ClientOrderId);
            }

            return;
        }

        ReleaseWaitingCancel(after, queue);
    }

    /// <summary>Sends or re-records the cancel of an order that was waiting for its venue id.</summary>
    private void ReleaseWaitingCancel(OrderState order, LinkedList<IOrderEvent> queue)
    {
        if (!_cancelWhenVenueIdKnown.Contains(order.ClientOrderId))
        {
            return;
        }

        if (OrderLifecycle.IsTerminal(order.Status))
        {
            _cancelWhenVenueIdKnown.Remove(order.ClientOrderId);
            return;
        }

        if (order.VenueOrderId is not { } venueId || order.Status == OrderStatus.Unknown)
        {
            return;
        }

        _cancelWhenVenueIdKnown.Remove(order.ClientOrderId);
        if (order.Status == OrderStatus.PendingCancel)
        {
            _cancelsToSend.Add(new CancelTarget(order.ClientOrderId, venueId));
        }
        else
        {
            // The order left PendingCancel meanwhile (Unknown resolved by reconciliation): record the cancel again.
            queue.AddLast(new OrderCancelRequested(_login, order.ClientOrderId, Now));
        }
    }

    private void SendCollectedCancels()
    {
        if (_cancelsToSend.Count == 0)
        {
            return;
        }

        var still = _cancelsToSend
            .Where(t => _book.Find(t.ClientOrderId) is { } o && OrderLifecycle.IsWorking(o.Status))
            .DistinctBy(t => t.ClientOrderId)
            .ToList();
        _cancelsToSend.Clear();
        foreach (var group in still.GroupBy(t => _book.Find(t.ClientOrderId)!.Symbol))
        {
            Context.Parent.Tell(new SendCancel(group.Key, [.. group]), Self);
        }
    }

    private void AskToResolve(IEnumerable<Symbol> symbols)
    {
        var distinct = symbols.Distinct().OrderBy(s => s.Value, StringComparer.Ordinal).ToImmutableArray();
        if (distinct.Length > 0)
        {
            Context.Parent.Tell(new ResolutionNeeded(distinct), Self);
        }
    }

    private void LogNotPersisted(OrderBookDecision decision)
    {
        var e = decision.Event;
        var type = e.GetType().Name;
        switch (decision.Result?.Outcome)
        {
            case null:
                LogNoSuchOrder(Log, type, e.Login.Value, e.ClientOrderId.Value);
                break;
            case TransitionOutcome.Invalid:
                LogInvalidTransition(Log, type, e.Login.Value, e.ClientOrderId.Value, decision.Reason ?? "forbidden transition");
                break;
            default:
                LogIgnored(Log, type, e.Login.Value, e.ClientOrderId.Value, decision.Reason ?? "duplicate");
                break;
        }
    }
}
