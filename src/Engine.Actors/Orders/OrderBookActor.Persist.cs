using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Deciding, applying, persisting and (after the commit) publishing events; cancels that wait for a venue id.</summary>
public sealed partial class OrderBookActor
{
    /// <summary>Orders whose cancel is recorded but cannot be sent before the venue reveals their id.</summary>
    private readonly HashSet<ClientOrderId> _cancelWhenVenueIdKnown = [];

    /// <summary>Cancels collected while draining one command's events; sent, grouped per symbol, when the drain ends.</summary>
    private readonly List<CancelTarget> _cancelsToSend = [];

    /// <summary>
    /// Set when a write failed or was rejected: the actor is stopping, and no handler still queued behind the write
    /// (a later event's or a deferred effect) may let anything escape.
    /// </summary>
    private bool _writeFailed;

    /// <summary>
    /// Acknowledgements decided, applied and published but not yet written (<see cref="OrderBookOptions.AcceptedWriteDelay"/>),
    /// with the snapshot due at each and what runs once it committed; <see cref="WriteUnwritten"/> issues them.
    /// </summary>
    private readonly List<(IOrderEvent Event, OrderBookSnapshot? Snapshot, Action<IOrderEvent>? Committed)> _unwritten = [];

    /// <summary>Tells this actor <see cref="WriteAccepted"/> once <see cref="OrderBookOptions.AcceptedWriteDelay"/> is up; created on first use.</summary>
    private ITimer? _writeAcceptedTimer;

    /// <summary>The timer is running: every acknowledgement held back now is written at the latest when it fires.</summary>
    private bool _writeAcceptedArmed;

    /// <summary>Events recorded by the current <see cref="Drain"/> so far.</summary>
    private int _recordedInDrain;

    /// <summary>
    /// Decides and applies <paramref name="events"/> one after another (each decision sees the book after the previous
    /// event) and persists each with <c>PersistAsync</c>; then collects the cancels to send and runs
    /// <paramref name="completed"/>. Effects (publishing, messages to the connection and to requesters) are deferred
    /// until the events before them committed. Events the book refuses are logged and skipped. Held reports released
    /// by a newly revealed venue id are processed right after the event that revealed it.
    /// </summary>
    private void Drain(IEnumerable<IOrderEvent> events, Action? completed = null)
    {
        var queue = new LinkedList<IOrderEvent>(events);
        var contradicted = new List<Symbol>();
        _recordedInDrain = 0;
        while (queue.First is { } node)
        {
            queue.RemoveFirst();
            var decision = _book.Decide(node.Value);
            if (decision.ShouldPersist)
            {
                Noted(decision.Event, contradicted);
                Record(decision.Event, queue, null);
                continue;
            }

            if (AsViolation(decision) is { } violation)
            {
                queue.AddFirst(violation);
                continue;
            }

            LogNotPersisted(decision);
        }

        SendCollectedCancels();
        AskToResolve(contradicted);
        completed?.Invoke();
    }

    /// <summary>
    /// Applies <paramref name="orderEvent"/> to the book now and persists it with <c>PersistAsync</c>; once it
    /// committed (its handler runs after every handler issued before it, with <c>LastSequenceNr</c> at this event),
    /// it is published (unless <see cref="PublishedBeforeCommit"/>), the snapshot due at it is saved and
    /// <paramref name="committed"/> runs. Nothing runs after a failed or rejected write.
    /// </summary>
    private void Record(IOrderEvent orderEvent, LinkedList<IOrderEvent> queue, Action<IOrderEvent>? committed)
    {
        // Only an acknowledgement that is the first event of its command goes out early: one released by an event decided
        // before it (a held report after an inference) must not overtake that event on the event stream.
        var first = _recordedInDrain++ == 0;
        var early = first && PublishedBeforeCommit(orderEvent);
        var snapshot = ApplyNow(orderEvent, queue);
        if (early)
        {
            Publish(orderEvent);
            if (_options.AcceptedWriteDelay > TimeSpan.Zero)
            {
                // Written with the book's next write (one transaction, one fsync), or when the delay is up.
                _unwritten.Add((orderEvent, snapshot, committed));
                if (!_writeAcceptedArmed)
                {
                    // On the engine clock, not Akka's scheduler, whose 10 ms tick would stretch a crash's window.
                    var self = Self;
                    _writeAcceptedTimer ??= _time.CreateTimer(_ => self.Tell(WriteAccepted.Instance), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _writeAcceptedTimer.Change(_options.AcceptedWriteDelay, Timeout.InfiniteTimeSpan);
                    _writeAcceptedArmed = true;
                }

                return;
            }
        }

        WriteUnwritten();
        Write(orderEvent, early, snapshot, committed);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _writeAcceptedTimer?.Dispose();
        if (_unwritten.Count > 0)
        {
            // As after a crash: each order recovers as waiting for its place reply, becomes Unknown and is resolved with the venue.
            LogAcceptedNotWritten(_log, _login.Value, _unwritten.Count, string.Join(", ", _unwritten.Select(u => u.Event.ClientOrderId.Value)));
        }

        base.PostStop();
    }

    /// <summary>
    /// Issues the writes of the acknowledgements held back by <see cref="OrderBookOptions.AcceptedWriteDelay"/>, in the
    /// order they were decided; every write, deferred effect and snapshot issued after this call comes after them in the
    /// journal and in handler order.
    /// </summary>
    private void WriteUnwritten()
    {
        if (_unwritten.Count == 0)
        {
            return;
        }

        foreach (var (orderEvent, snapshot, committed) in _unwritten)
        {
            Write(orderEvent, early: true, snapshot, committed);
        }

        _unwritten.Clear();
    }

    /// <summary>Persists an applied event with <c>PersistAsync</c>; its handler publishes it (unless published early), saves the due snapshot and runs <paramref name="committed"/>.</summary>
    private void Write(IOrderEvent orderEvent, bool early, OrderBookSnapshot? snapshot, Action<IOrderEvent>? committed)
    {
        PersistAsync(orderEvent, persisted =>
        {
            if (_writeFailed)
            {
                return;
            }

            if (!early)
            {
                Publish(persisted);
            }

            if (snapshot is not null)
            {
                SaveSnapshot(snapshot);
            }

            committed?.Invoke(persisted);
        });
    }

    /// <summary>
    /// The venue's acknowledgement of a place (<see cref="OrderAccepted"/>) reaches subscribers as soon as it is decided,
    /// before its own commit, and its write waits up to <see cref="OrderBookOptions.AcceptedWriteDelay"/> for the book's
    /// next write, so a round trip pays one journal commit (the write-ahead <see cref="OrderSubmitted"/>), not two: Akka
    /// lets a persistent actor have one write in flight, so a next order's write-ahead would otherwise queue behind the
    /// acknowledgement's own commit. Sound because nothing outside the process can depend on the uncommitted event:
    /// whatever a strategy does in reaction goes through this book, which records its own event after this one and releases what leaves the process
    /// only after that event's commit, hence after this one's (journal order; a test pins it). If the write then fails,
    /// the book stops and its next incarnation resolves the order with the venue: the strategy may hear the same status
    /// twice, which a status is safe to be. Fills and every other event are published after their commit: a fill is
    /// money, and one published but never journaled would be published again after recovery.
    /// </summary>
    private static bool PublishedBeforeCommit(IOrderEvent orderEvent) => orderEvent is OrderAccepted;

    /// <summary>
    /// Applies a decided event: the book, held reports and pending cancels; returns the snapshot to save once the
    /// event committed when one is due (captured now, so it holds exactly the events up to this one).
    /// </summary>
    private OrderBookSnapshot? ApplyNow(IOrderEvent persisted, LinkedList<IOrderEvent> queue)
    {
        var before = _book.Find(persisted.ClientOrderId);
        var decision = _book.Apply(persisted);
        _risk.Track(before, _book.Find(persisted.ClientOrderId));
        if (!decision.ShouldPersist)
        {
            LogNotPersisted(decision);
        }
        else
        {
            Ledger(persisted);
        }

        var snapshot = SnapshotIfDue();
        if (_book.Find(persisted.ClientOrderId) is not { } after)
        {
            return snapshot;
        }

        var revealedNow = before?.VenueOrderId is null && after.VenueOrderId is not null;
        if (before?.VenueOrderId is null && after.VenueOrderId is { } revealed)
        {
            // First the reports held for the id just revealed: they are this order's now, and must not be offered to
            // the next candidate below (that would give one venue id to two orders).
            var held = _book.TakeHeld(revealed, after.ClientOrderId);
            for (var i = held.Length - 1; i >= 0; i--)
            {
                queue.AddFirst(held[i]);
            }
        }

        if ((revealedNow || persisted is OrderStatusUnknown) && _book.HeldCount > 0 && _book.RetryHeld() is { } inferred)
        {
            // A reply that will not come, or a candidate fewer: a held report may now be attributable.
            queue.AddLast(inferred);
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

            return snapshot;
        }

        ReleaseWaitingCancel(after, queue);
        return snapshot;
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
            TellParentAfterCommit(new SendCancel(group.Key, [.. group]));
        }
    }

    private void AskToResolve(List<Symbol> symbols)
    {
        if (symbols.Count == 0)
        {
            return;
        }

        TellParentAfterCommit(new ResolutionNeeded([.. symbols.Distinct().OrderBy(s => s.Value, StringComparer.Ordinal)]));
    }

    /// <summary>Tells the parent once every event recorded before this call committed; never after a failed write.</summary>
    private void TellParentAfterCommit(object message) => AfterCommit(message, m => Context.Parent.Tell(m, Self));

    /// <summary>Tells <paramref name="recipient"/> once every event recorded before this call committed; never after a failed write.</summary>
    private void TellAfterCommit(IActorRef recipient, object message) => AfterCommit(message, m => recipient.Tell(m, Self));

    /// <summary>Publishes once every event recorded before this call committed; never after a failed write.</summary>
    private void PublishAfterCommit(IOrderEvent orderEvent) => AfterCommit(orderEvent, Publish);

    /// <summary>
    /// Runs <paramref name="effect"/> through <c>DeferAsync</c>: after the handlers of every write issued before it (at
    /// once when none is pending), in issue order; never once a write failed or was rejected.
    /// </summary>
    private void AfterCommit<T>(T value, Action<T> effect)
        where T : notnull
    {
        WriteUnwritten();
        DeferAsync(value, v =>
        {
            if (!_writeFailed)
            {
                effect(v);
            }
        });
    }

    private void LogNotPersisted(OrderBookDecision decision)
    {
        var e = decision.Event;
        var type = e.GetType().Name;
        switch (decision.Result?.Outcome)
        {
            case null:
                LogNoSuchOrder(_log, type, e.Login.Value, e.ClientOrderId.Value);
                break;
            case TransitionOutcome.Invalid:
                LogInvalidTransition(_log, type, e.Login.Value, e.ClientOrderId.Value, decision.Reason ?? "forbidden transition");
                break;
            default:
                LogIgnored(_log, type, e.Login.Value, e.ClientOrderId.Value, decision.Reason ?? "duplicate");
                break;
        }
    }
}
