using Engine.Kernel.Actors;
using Engine.Persistence.Journal;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>
/// Persisting without holding the mailbox: at most one journal call is in flight per actor; everything issued while
/// it is (by any number of commands) is handed to the journal as the next call once it has committed, so writes
/// reach the journal in issue order and a failed write is never followed by a later one.
/// </summary>
public abstract partial class PersistentActor
{
    private readonly List<PendingPersist> pending = [];
    private bool pendingHoldsMailbox;
    private InFlightWrite? inFlight;
    private bool writeFailed;

    /// <summary>
    /// Persists <paramref name="persistedEvent"/> without holding back later commands: they keep being handled while
    /// the write is in flight. <paramref name="handler"/> runs on the actor, with this command's <c>Sender</c>, once the
    /// write has committed and after the handlers of every earlier write. If the write (or an earlier one) fails, the
    /// actor stops and neither this handler nor any later one runs.
    /// </summary>
    protected void PersistAsync<TEvent>(TEvent persistedEvent, Action<TEvent> handler)
        where TEvent : notnull => PersistAllAsync([persistedEvent], handler);

    /// <summary>
    /// <see cref="PersistAsync{TEvent}"/> for several events committed atomically (all or none); <paramref name="handler"/>
    /// runs for each, in order.
    /// </summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull => Enqueue(events, handler, holdsMailbox: false);

    /// <summary>
    /// Runs <paramref name="handler"/> with <paramref name="value"/> (nothing is persisted) after the handlers of every
    /// write issued before it, with this command's <c>Sender</c>; never after a failed write. Use it for effects that must
    /// not overtake the effects of earlier persisted events.
    /// </summary>
    protected void DeferAsync<TValue>(TValue value, Action<TValue> handler)
        where TValue : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!recovered)
        {
            throw new InvalidOperationException($"'{PersistenceId}' cannot defer while recovering.");
        }

        pending.Add(new PendingPersist(null, [value], v => handler((TValue)v), Cell.CurrentSender));
    }

    /// <summary>Called at the end of every turn: hands pending writes on, or suspends the mailbox for a <see cref="Persist{TEvent}"/>.</summary>
    private void AfterTurn()
    {
        while (!writeFailed && pending.Count > 0)
        {
            if (pendingHoldsMailbox)
            {
                Cell.RunAsync(FlushAsync);
                return;
            }

            if (inFlight is not null)
            {
                return;
            }

            var entries = TakePending();
            var writes = WritesOf(entries);
            if (writes.Count == 0)
            {
                RunHandlers(entries);
                continue;
            }

            Task write;
            try
            {
                write = Persistence.Journal.WriteAsync(writes);
            }
            catch (Exception ex)
            {
                write = Task.FromException(ex);
            }

            var batch = new InFlightWrite(entries, write);
            inFlight = batch;
            var self = Self;
            write.ContinueWith(
                static (_, state) =>
                {
                    var (target, completed) = ((IActorRef, InFlightWrite))state!;
                    target.Tell(new WriteCompleted(completed), target);
                },
                (self, batch),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }
    }

    private bool OnWriteCompleted(WriteCompleted completed)
    {
        var batch = completed.Batch;
        if (!ReferenceEquals(batch, inFlight))
        {
            return true;
        }

        inFlight = null;
        if (!batch.Task.IsCompletedSuccessfully)
        {
            FailWrite(batch.Task.Exception?.GetBaseException() ?? new TaskCanceledException(batch.Task), batch.Entries);
            return true;
        }

        RunHandlers(batch.Entries);
        return true;
    }

    private List<PendingPersist> TakePending()
    {
        var entries = new List<PendingPersist>(pending);
        pending.Clear();
        pendingHoldsMailbox = false;
        return entries;
    }

    private static List<AtomicWrite> WritesOf(List<PendingPersist> entries)
    {
        var writes = new List<AtomicWrite>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Write is { } write)
            {
                writes.Add(write);
            }
        }

        return writes;
    }

    /// <summary>Runs the handlers of committed entries in persist order, each with the <c>Sender</c> of the command that issued it.</summary>
    private void RunHandlers(List<PendingPersist> entries)
    {
        var cell = Cell;
        var previous = cell.CurrentSender;
        try
        {
            foreach (var entry in entries)
            {
                cell.CurrentSender = entry.Sender;
                for (var i = 0; i < entry.Events.Count; i++)
                {
                    if (entry.Write is { } write)
                    {
                        LastSequenceNr = write.Events[i].SequenceNr;
                    }

                    entry.Handler(entry.Events[i]);
                }
            }
        }
        finally
        {
            cell.CurrentSender = previous;
        }
    }

    /// <summary>Logs the failure with the persistence id, drops everything not yet written and stops the actor.</summary>
    private void FailWrite(Exception cause, List<PendingPersist> entries)
    {
        var writes = WritesOf(entries);
        var from = writes.Count > 0 ? writes[0].LowestSequenceNr : LastSequenceNr + 1;
        var to = writes.Count > 0 ? writes[^1].HighestSequenceNr : LastSequenceNr;
        PersistenceLog.WriteFailed(Log, cause, PersistenceId, from, to);
        writeFailed = true;
        inFlight = null;
        pending.Clear();
        pendingHoldsMailbox = false;
        Context.Stop(Self);
    }

    private sealed record PendingPersist(AtomicWrite? Write, IReadOnlyList<object> Events, Action<object> Handler, IActorRef? Sender);

    private sealed record InFlightWrite(List<PendingPersist> Entries, Task Task);

    private sealed record WriteCompleted(InFlightWrite Batch);
}
