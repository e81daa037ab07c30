using Akka.Actor;
using Akka.Persistence;

namespace Engine.Persistence.Tests.Support;

/// <summary>
/// The contract suite's persistent actor. State: the values of its events (a snapshot restores them). Commands:
/// <see cref="Write"/> (one PersistAll; replies <see cref="Written"/> after the last handler, or <see cref="Rejected"/>),
/// <see cref="Get"/> (replies <see cref="State"/>), <see cref="Snapshot"/> and <see cref="DeleteTo"/> (reply Akka's
/// success or failure message).
/// </summary>
public sealed class ContractActor : ReceivePersistentActor
{
    private readonly List<string> values = [];
    private readonly Recovery recovery;
    private IActorRef? waiting;
    private bool fromSnapshot;

    /// <summary>An actor of <paramref name="persistenceId"/>, recovering with <paramref name="recovery"/> (default: latest snapshot).</summary>
    public ContractActor(string persistenceId, Recovery? recovery = null)
    {
        PersistenceId = persistenceId;
        this.recovery = recovery ?? Recovery.Default;
        Recover<SnapshotOffer>(offer =>
        {
            fromSnapshot = true;
            values.Clear();
            values.AddRange(((Snap)offer.Snapshot).State.Split(',', StringSplitOptions.RemoveEmptyEntries));
        });
        Recover<Evt>(e => values.Add(e.Value));
        Command<Write>(w =>
        {
            waiting = Sender;
            var left = w.Events.Count;
            PersistAll(w.Events, e =>
            {
                values.Add(e.Value);
                if (--left == 0)
                {
                    Sender.Tell(new Written(LastSequenceNr));
                }
            });
        });
        Command<Get>(_ => Sender.Tell(new State([.. values], LastSequenceNr, fromSnapshot)));
        Command<Snapshot>(_ =>
        {
            waiting = Sender;
            SaveSnapshot(new Snap(string.Join(',', values)));
        });
        Command<DeleteTo>(d =>
        {
            waiting = Sender;
            DeleteMessages(d.SequenceNr);
        });
        Command<SaveSnapshotSuccess>(m => waiting?.Tell(m));
        Command<SaveSnapshotFailure>(m => waiting?.Tell(m));
        Command<DeleteMessagesSuccess>(m => waiting?.Tell(m));
        Command<DeleteMessagesFailure>(m => waiting?.Tell(m));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <inheritdoc />
    public override Recovery Recovery => recovery;

    /// <summary>Reports the rejection to the writer and stops, as engine actors do.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        waiting?.Tell(new Rejected(sequenceNr));
        Context.Stop(Self);
    }

    /// <summary>Reports the failure to the writer; Akka then stops the actor.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        waiting?.Tell(new Rejected(sequenceNr));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>Persist these events in one AtomicWrite.</summary>
    public sealed record Write(IReadOnlyList<Evt> Events);

    /// <summary>All events of a <see cref="Write"/> are persisted; the last one has <paramref name="SequenceNr"/>.</summary>
    public sealed record Written(long SequenceNr);

    /// <summary>The write was rejected or failed; the actor stops.</summary>
    public sealed record Rejected(long SequenceNr);

    /// <summary>Reply with the <see cref="State"/>.</summary>
    public sealed record Get;

    /// <summary>The values in order, the last sequence number and whether recovery started from a snapshot.</summary>
    public sealed record State(IReadOnlyList<string> Values, long LastSequenceNr, bool FromSnapshot);

    /// <summary>Save a snapshot of the state.</summary>
    public sealed record Snapshot;

    /// <summary>Delete events up to <paramref name="SequenceNr"/>.</summary>
    public sealed record DeleteTo(long SequenceNr);
}
