using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;

namespace Engine.Cluster.Tests;

/// <summary>
/// The last guard of "one writer per login": should sharding and the split-brain resolver both fail and a login's book run
/// on two nodes, the shared journal's unique (persistence id, sequence number) refuses the second writer's event; the two
/// histories are never interleaved. Two actor systems (two nodes) on one PostgreSQL, one persistence id.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SecondWriterTests
{
    private const string PersistenceId = "orders/qg-twice";

    [PostgreSqlFact]
    public async Task A_second_writer_of_a_persistence_id_is_refused_by_the_journal_never_interleaved()
    {
        await using var db = await PostgreSqlScratchDatabase.CreateAsync(PostgreSqlFactAttribute.ConnectionString!);
        var pg = new PostgreSqlOptions { ConnectionString = db.ConnectionString };
        var journal = new JournalOptions { Plugin = "engine", Database = "postgresql", PostgreSql = pg };
        var snapshots = new SnapshotStoreOptions { Plugin = "engine", Database = "postgresql", PostgreSql = pg };
        await PersistenceHocon.PrepareAsync(journal, snapshots);
        var config = ConfigurationFactory.ParseString("akka.loglevel = OFF").WithFallback(PersistenceHocon.Build(journal, snapshots));
        using var nodeA = ActorSystem.Create("engine", config);
        using var nodeB = ActorSystem.Create("engine", config);

        // Both recover the same (empty) history, as two incarnations of one login would.
        var first = new Writer.Outcomes();
        var second = new Writer.Outcomes();
        var a = nodeA.ActorOf(Props.Create(() => new Writer(PersistenceId, first)));
        var b = nodeB.ActorOf(Props.Create(() => new Writer(PersistenceId, second)));
        await first.Recovered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await second.Recovered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        a.Tell("from-a");
        Assert.Equal("from-a@1", await first.Persisted.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        b.Tell("from-b");
        var refusal = await second.Refused.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("sequence", refusal, StringComparison.OrdinalIgnoreCase);
        Assert.False(second.Persisted.Task.IsCompleted);
        var replayed = new Writer.Outcomes();
        using var reader = ActorSystem.Create("engine", config);
        reader.ActorOf(Props.Create(() => new Writer(PersistenceId, replayed)));
        Assert.Equal(["from-a@1"], await replayed.Recovered.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    /// <summary>A persistent actor that persists every string it is told and reports what happened.</summary>
    private sealed class Writer : ReceivePersistentActor
    {
        private readonly List<string> _history = [];

        public Writer(string persistenceId, Outcomes outcomes)
        {
            PersistenceId = persistenceId;
            Recover<string>(e => _history.Add(e));
            Recover<RecoveryCompleted>(_ => outcomes.Recovered.TrySetResult([.. _history]));
            Command<string>(text => Persist($"{text}@{LastSequenceNr + 1}", e => outcomes.Persisted.TrySetResult(e)));
            Outcome = outcomes;
        }

        public override string PersistenceId { get; }

        private Outcomes Outcome { get; }

        protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
        {
            Outcome.Refused.TrySetResult($"failure at sequence {sequenceNr}: {cause.Message}");
            base.OnPersistFailure(cause, @event, sequenceNr);
        }

        protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
        {
            Outcome.Refused.TrySetResult($"rejected at sequence {sequenceNr}: {cause.Message}");
            base.OnPersistRejected(cause, @event, sequenceNr);
        }

        public sealed class Outcomes
        {
            public TaskCompletionSource<string[]> Recovered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource<string> Persisted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource<string> Refused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
