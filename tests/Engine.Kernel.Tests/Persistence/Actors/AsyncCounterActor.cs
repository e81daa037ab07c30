using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Kernel.Persistence.Actors;

namespace Engine.Kernel.Tests.Persistence.Actors;

/// <summary>
/// A persistent list of numbers that applies each value at once and persists it with <c>PersistAsync</c>; handlers
/// report to a probe and acknowledge to the command's sender, so tests see when and with which sender they ran.
/// </summary>
internal sealed class AsyncCounterActor : PersistentActor
{
    private readonly List<int> values = [];

    public AsyncCounterActor(PersistenceExtension persistence, string persistenceId, IActorRef reporter)
        : base(persistence)
    {
        PersistenceId = persistenceId;
        Recover<CounterActor.Added>(e => values.Add(e.Value));
        Recover<RecoveryCompleted>(_ => reporter.Tell($"recovered:{LastSequenceNr}"));

        Command<AddAsync>(c =>
        {
            values.Add(c.Value);
            PersistAsync(new CounterActor.Added(c.Value), e =>
            {
                reporter.Tell($"handled:{e.Value}@{LastSequenceNr}");
                Sender.Tell($"ack:{e.Value}");
            });
        });
        Command<AddAllAsync>(c =>
        {
            values.AddRange(c.Values);
            PersistAllAsync(c.Values.Select(v => new CounterActor.Added(v)), e => reporter.Tell($"handled:{e.Value}@{LastSequenceNr}"));
        });
        Command<CounterActor.Add>(c =>
        {
            values.Add(c.Value);
            Persist(new CounterActor.Added(c.Value), e => reporter.Tell($"handled-sync:{e.Value}@{LastSequenceNr}"));
        });
        Command<Ping>(_ => DeferAsync("pong", p => Sender.Tell(p)));
        Command<CounterActor.Get>(_ => Sender.Tell($"state:{string.Join(',', values)}"));
    }

    public override string PersistenceId { get; }

    public sealed record AddAsync(int Value);

    public sealed record AddAllAsync(int[] Values);

    public sealed record Ping;
}
