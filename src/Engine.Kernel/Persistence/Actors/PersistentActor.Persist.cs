using Engine.Kernel.Actors;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>Persisting, snapshots and deletes.</summary>
public abstract partial class PersistentActor
{
    /// <summary>
    /// Persists <paramref name="persistedEvent"/> and then runs <paramref name="handler"/> with it. The write happens
    /// after the current command handler returns, after every earlier write; commands are held back until the
    /// handler ran (and the handlers of every earlier write before it).
    /// </summary>
    protected void Persist<TEvent>(TEvent persistedEvent, Action<TEvent> handler)
        where TEvent : notnull => PersistAll([persistedEvent], handler);

    /// <summary>Persists <paramref name="events"/> atomically (all or none) and runs <paramref name="handler"/> for each, in order.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull => Enqueue(events, handler, holdsMailbox: true);

    private void Enqueue<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, bool holdsMailbox)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        if (!recovered)
        {
            throw new InvalidOperationException($"'{PersistenceId}' cannot persist while recovering.");
        }

        var list = events.Cast<object>().ToList();
        if (list.Count == 0)
        {
            return;
        }

        var now = Context.System.TimeProvider.GetUtcNow();
        var reprs = new List<PersistentRepr>(list.Count);
        foreach (var e in list)
        {
            var serialized = Persistence.Registry.Serialize(e);
            reprs.Add(new PersistentRepr(PersistenceId, ++reservedSequenceNr, serialized.Manifest, serialized.Payload, TagsFor(e), now, Persistence.WriterId));
        }

        pending.Add(new PendingPersist(new AtomicWrite(reprs), list, e => handler((TEvent)e), Cell.CurrentSender));
        pendingHoldsMailbox |= holdsMailbox;
    }

    /// <summary>
    /// Saves <paramref name="state"/> as the snapshot at <see cref="LastSequenceNr"/>; the store keeps only the newest
    /// configured number per stream. Replies <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/> to Self.
    /// Serializing and storing run off the actor (a big snapshot never stalls the mailbox), so
    /// <paramref name="state"/> must be immutable or a copy the actor no longer touches.
    /// </summary>
    protected void SaveSnapshot(object state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, Context.System.TimeProvider.GetUtcNow());
        var persistence = Persistence;
        Outcome(
            Task.Run(() =>
            {
                var serialized = persistence.Registry.Serialize(state);
                return persistence.SnapshotStore.SaveAsync(new SelectedSnapshot(metadata, serialized.Manifest, serialized.Payload));
            }),
            () => new SaveSnapshotSuccess(metadata),
            ex => new SaveSnapshotFailure(metadata, ex));
    }

    /// <summary>
    /// Logically deletes events up to <paramref name="toSequenceNr"/> (numbering continues). Replies
    /// <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/> to Self.
    /// </summary>
    protected void DeleteMessages(long toSequenceNr) =>
        Outcome(
            Persistence.Journal.DeleteMessagesToAsync(PersistenceId, toSequenceNr),
            () => new DeleteMessagesSuccess(toSequenceNr),
            ex => new DeleteMessagesFailure(toSequenceNr, ex));

    private void Outcome(Task task, Func<object> success, Func<Exception, object> failure)
    {
        var self = Self;
        task.ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? success() : failure(t.Exception?.GetBaseException() ?? new TaskCanceledException(t)), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Runs with the mailbox suspended (a <see cref="Persist{TEvent}"/>, or the end of recovery): waits for the write
    /// in flight, then writes everything pending, running handlers in persist order, until nothing is left.
    /// </summary>
    private async Task FlushAsync()
    {
        while (!writeFailed)
        {
            if (inFlight is { } batch)
            {
                inFlight = null;
                try
                {
                    await batch.Task;
                }
                catch (Exception ex)
                {
                    FailWrite(ex, batch.Entries);
                    return;
                }

                RunHandlers(batch.Entries);
                continue;
            }

            if (pending.Count == 0)
            {
                return;
            }

            var entries = TakePending();
            var writes = WritesOf(entries);
            if (writes.Count > 0)
            {
                try
                {
                    await Persistence.Journal.WriteAsync(writes);
                }
                catch (Exception ex)
                {
                    FailWrite(ex, entries);
                    return;
                }
            }

            RunHandlers(entries);
        }
    }
}
