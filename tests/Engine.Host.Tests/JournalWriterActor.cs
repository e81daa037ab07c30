using Akka.Actor;
using Akka.Persistence;
using Engine.Messages.Orders;

namespace Engine.Host.Tests;

/// <summary>
/// Persists the order events it is sent under one persistence id, as an order book does (the journal's write
/// adapter tags them), and answers <see cref="Written"/> once they are all committed.
/// </summary>
internal sealed class JournalWriterActor : ReceivePersistentActor
{
    public JournalWriterActor(string persistenceId)
    {
        PersistenceId = persistenceId;
        Command<IOrderEvent[]>(events =>
        {
            var sender = Sender;
            PersistAll(events, _ => { });
            DeferAsync(Written.Instance, w => sender.Tell(w, Self));
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new JournalWriterActor(persistenceId));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        Context.Stop(Self);
    }

    internal sealed record Written
    {
        public static Written Instance { get; } = new();
    }
}
