using Engine.Kernel.Actors;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>
/// An event-sourced actor. Register <c>Command&lt;T&gt;</c> handlers (after recovery) and <c>Recover&lt;T&gt;</c>
/// handlers (events, <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) in the constructor.
/// Guarantees:
/// - Recovery runs before any command: the latest snapshot matching <see cref="SnapshotCriteria"/>, then every
///   later event in sequence order, then <see cref="RecoveryCompleted"/>. Commands that arrive meanwhile are
///   stashed and handled afterwards in arrival order.
/// - <see cref="Persist{TEvent}"/>/<see cref="PersistAll{TEvent}"/> calls made while handling one command (or in the
///   <see cref="RecoveryCompleted"/> handler, or in an event handler) are
///   written in one journal call after the handler returns; the mailbox is suspended until the write completes,
///   so later commands are handled only after the event handlers ran, in order. Event handlers run on the
///   actor, with the original <c>Sender</c>, in persist order.
/// - <see cref="PersistAsync{TEvent}"/>/<see cref="PersistAllAsync{TEvent}"/>/<see cref="DeferAsync{TValue}"/> keep the
///   mailbox open: at most one journal call is in flight, everything issued meanwhile goes into the next one (issue
///   order kept), handlers run in issue order after their write committed. A <see cref="Persist{TEvent}"/> waits
///   for every earlier asynchronous write and its handlers. After a failed write no later write is issued and no
///   later handler runs.
/// - A failed write or a failed recovery (journal error, unknown manifest, throwing recover handler) is logged
///   with the persistence id and stops the actor; it never resumes on a broken journal.
/// - Sequence numbers continue from the journal's highest, deletes included, so they never restart.
/// Threading: like every actor, one message at a time; the members below are only for the actor's own handlers.
/// </summary>
public abstract partial class PersistentActor : ActorBase
{
    private readonly HandlerList commands = new();
    private readonly HandlerList recovery = new();
    private readonly object startToken = new();
    private long reservedSequenceNr;
    private bool recovered;

    /// <summary>Binds the actor to the system's persistence.</summary>
    protected PersistentActor(PersistenceExtension persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        Persistence = persistence;
    }

    /// <summary>The stream this actor owns; must be stable across incarnations and unique in the journal.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The journal, snapshot store and registry this actor uses.</summary>
    protected PersistenceExtension Persistence { get; }

    /// <summary>Sequence number of the last event applied (during recovery, in an event handler: that event's).</summary>
    protected long LastSequenceNr { get; private set; }

    /// <summary>True until <see cref="RecoveryCompleted"/> has been delivered.</summary>
    protected bool IsRecovering => !recovered;

    /// <summary>Which snapshot recovery starts from; <see cref="SnapshotSelectionCriteria.None"/> replays all events.</summary>
    protected virtual SnapshotSelectionCriteria SnapshotCriteria => SnapshotSelectionCriteria.Latest;

    /// <summary>Tags stored with <paramref name="persistedEvent"/> for <c>EventsByTag</c>; none by default.</summary>
    protected virtual IReadOnlyList<string> TagsFor(object persistedEvent) => [];

    /// <summary>Handles commands of type <typeparamref name="T"/> after recovery.</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => commands.Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles any command not handled by an earlier handler.</summary>
    protected void CommandAny(Action<object> handler) => commands.Add(new ActionHandler<object>(handler, null));

    /// <summary>Handles replayed events of type <typeparamref name="T"/>, <see cref="SnapshotOffer"/> or <see cref="RecoveryCompleted"/>.</summary>
    protected void Recover<T>(Action<T> handler) => recovery.Add(new ActionHandler<T>(handler, null));

    /// <summary>Starts recovery. Overrides must call the base implementation.</summary>
    protected override void PreStart() => Self.Tell(new StartRecovery(startToken), Self);

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        if (!recovered)
        {
            if (message is StartRecovery start && ReferenceEquals(start.Token, startToken))
            {
                Cell.RunAsync(RecoverAsync);
            }
            else if (message is not StartRecovery)
            {
                Stash.Stash();
            }

            return true;
        }

        if (writeFailed)
        {
            return true;
        }

        var handled = message is WriteCompleted completed
            ? OnWriteCompleted(completed)
            : commands.Handle(message) || HandleOwnOutcome(message);
        AfterTurn();
        return handled;
    }

    private bool HandleOwnOutcome(object message)
    {
        switch (message)
        {
            case SaveSnapshotSuccess or DeleteMessagesSuccess:
                return true;
            case SaveSnapshotFailure f:
                PersistenceLog.SnapshotFailed(Log, f.Cause, PersistenceId, f.Metadata.SequenceNr);
                return true;
            case DeleteMessagesFailure d:
                PersistenceLog.DeleteFailed(Log, d.Cause, PersistenceId, d.ToSequenceNr);
                return true;
            default:
                return false;
        }
    }

    private sealed record StartRecovery(object Token);
}
