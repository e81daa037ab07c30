using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Kernel.Persistence.Actors;

namespace Engine.Kernel.Tests.Persistence.Actors;

/// <summary>A persistent list of numbers that reports its recovery steps to a probe.</summary>
internal sealed class CounterActor : PersistentActor
{
    private List<int> values = [];

    public CounterActor(PersistenceExtension persistence, string persistenceId, IActorRef reporter, int? persistOnStart = null)
        : base(persistence)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(offer =>
        {
            values = [.. ((CounterSnapshot)offer.Snapshot).Values];
            reporter.Tell($"offer:{offer.Metadata.SequenceNr}");
        });
        Recover<Added>(e =>
        {
            values.Add(e.Value);
            reporter.Tell($"event:{LastSequenceNr}");
        });
        Recover<RecoveryCompleted>(_ =>
        {
            reporter.Tell($"recovered:{LastSequenceNr}");
            if (persistOnStart is { } value)
            {
                Persist(new Added(value), e => values.Add(e.Value));
            }
        });

        Command<Add>(c => Persist(new Added(c.Value), e => values.Add(e.Value)));
        Command<AddMany>(c => PersistAll(c.Values.Select(v => new Added(v)), e => values.Add(e.Value)));
        Command<Get>(_ => Sender.Tell(State));
        Command<Snap>(_ => SaveSnapshot(new CounterSnapshot([.. values])));
        Command<Delete>(c => DeleteMessages(c.ToSequenceNr));
        Command<SaveSnapshotSuccess>(s => reporter.Tell($"snapshot-saved:{s.Metadata.SequenceNr}"));
        Command<DeleteMessagesSuccess>(d => reporter.Tell($"deleted:{d.ToSequenceNr}"));
    }

    public override string PersistenceId { get; }

    private string State => $"state:{string.Join(',', values)}@{LastSequenceNr}";

    public sealed record Add(int Value);

    public sealed record AddMany(int[] Values);

    public sealed record Get;

    public sealed record Snap;

    public sealed record Delete(long ToSequenceNr);

    public sealed record Added(int Value);

    public sealed record CounterSnapshot(int[] Values);
}
