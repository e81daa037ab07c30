using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Contract;

/// <summary>
/// The one contract every journal/snapshot plugin passes, inherited once per plugin × database: write and replay,
/// AtomicWrite atomicity, sequence numbers across restarts and deletes, deletes, snapshots (save, select, delete),
/// current and live queries by persistence id and by tag, and (in <c>PersistenceContract.Durability</c>) SIGKILL.
/// Each test runs on a fresh database (SQLite file or PostgreSQL schema) and a fresh actor system.
/// </summary>
public abstract partial class PersistenceContract : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Long enough for Akka.Persistence.Sql's tag queries (about 1.4 s to the first event on SQLite).</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly PluginCase pluginCase;
    private int incarnation;

    /// <summary>Starts the actor system on <paramref name="pluginCase"/>.</summary>
    protected PersistenceContract(PluginCase pluginCase)
        : base(pluginCase.Config(), "contract")
    {
        this.pluginCase = pluginCase;
    }

    /// <summary>The case under test.</summary>
    protected PluginCase Case => pluginCase;

    /// <summary>The read journal of the case.</summary>
    protected IReadJournal ReadJournal => PersistenceQuery.Get(Sys).ReadJournalFor<IReadJournal>(PersistenceHocon.ReadJournalPluginId(pluginCase.Journal));

    [ContractFact]
    public void Events_are_replayed_in_order_after_a_restart()
    {
        var actor = Start("replay");
        Write(actor, "a");
        Write(actor, "b");
        Write(actor, "c", "d");
        Stop(actor);

        var state = GetState(Start("replay"));
        Assert.Equal(["a", "b", "c", "d"], state.Values);
        Assert.Equal(4, state.LastSequenceNr);
    }

    [ContractFact]
    public void An_AtomicWrite_is_all_or_nothing()
    {
        var actor = Start("atomic");
        Write(actor, "a");
        Watch(actor);
        actor.Tell(new ContractActor.Write([new Evt("b"), new Evt("poison"), new Evt("c")]));
        ExpectMsg<ContractActor.Rejected>(Patience);
        ExpectTerminated(actor, Patience);

        var again = Start("atomic");
        Assert.Equal(["a"], GetState(again).Values);
        Write(again, "d");
        Stop(again);
        Assert.Equal(["a", "d"], GetState(Start("atomic")).Values);
    }

    [ContractFact]
    public void Sequence_numbers_continue_after_a_restart_and_never_restart_after_deletes()
    {
        var actor = Start("seq");
        Assert.Equal(3, Write(actor, "a", "b", "c"));
        actor.Tell(new ContractActor.DeleteTo(3));
        ExpectMsg<DeleteMessagesSuccess>(Patience);
        Stop(actor);

        var again = Start("seq");
        var state = GetState(again);
        Assert.Empty(state.Values);
        Assert.Equal(3, state.LastSequenceNr);
        Assert.Equal(4, Write(again, "d"));
        Stop(again);
        Assert.Equal(["d"], GetState(Start("seq")).Values);
    }

    [ContractFact]
    public void Deleted_events_are_neither_replayed_nor_queried()
    {
        var actor = Start("delete");
        Write(actor, "a", "b", "c", "d", "e");
        actor.Tell(new ContractActor.DeleteTo(2));
        ExpectMsg<DeleteMessagesSuccess>(Patience);
        Stop(actor);

        Assert.Equal(["c", "d", "e"], GetState(Start("delete")).Values);
        var queried = Run(((ICurrentEventsByPersistenceIdQuery)ReadJournal).CurrentEventsByPersistenceId("delete", 0, long.MaxValue));
        Assert.Equal([3L, 4L, 5L], queried.Select(e => e.SequenceNr));
    }

    /// <summary>A persistent actor of <paramref name="persistenceId"/>, under a fresh name.</summary>
    protected IActorRef Start(string persistenceId, Recovery? recovery = null) =>
        Sys.ActorOf(Props.Create(() => new ContractActor(persistenceId, recovery)), persistenceId + "-" + Interlocked.Increment(ref incarnation));

    /// <summary>Persists <paramref name="values"/> in one AtomicWrite; returns the last sequence number.</summary>
    protected long Write(IActorRef actor, params string[] values) => WriteEvents(actor, [.. values.Select(v => new Evt(v))]);

    /// <summary>Persists <paramref name="events"/> in one AtomicWrite; returns the last sequence number.</summary>
    protected long WriteEvents(IActorRef actor, IReadOnlyList<Evt> events)
    {
        actor.Tell(new ContractActor.Write(events));
        return ExpectMsg<ContractActor.Written>(Patience).SequenceNr;
    }

    /// <summary>The actor's state once it has recovered.</summary>
    protected ContractActor.State GetState(IActorRef actor)
    {
        actor.Tell(new ContractActor.Get());
        return ExpectMsg<ContractActor.State>(Patience);
    }

    /// <summary>Stops <paramref name="actor"/> and waits until it has.</summary>
    protected void Stop(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor, Patience);
        Unwatch(actor);
    }

    /// <summary>Runs a finite source to its end.</summary>
    protected IReadOnlyList<EventEnvelope> Run(Source<EventEnvelope, Akka.NotUsed> source)
    {
        var run = source.RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        Assert.True(run.Wait(Patience), "the query did not complete");
        return run.Result;
    }

    /// <inheritdoc />
    protected override void AfterAll()
    {
        base.AfterAll();
        pluginCase.Dispose();
    }
}
