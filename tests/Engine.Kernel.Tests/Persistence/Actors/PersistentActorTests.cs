using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.Serialization;
using Engine.Kernel.Tests.Persistence.Support;
using Engine.TestKit;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Tests.Persistence.Actors;

public sealed class PersistentActorTests : TestKitBase
{
    private readonly InMemoryJournalStorage storage = new();
    private readonly GatedStorage gated;
    private readonly PersistenceExtension persistence;
    private readonly CapturingLoggerProvider logs;

    public PersistentActorTests()
        : this(new CapturingLoggerProvider())
    {
    }

    private PersistentActorTests(CapturingLoggerProvider logs)
        : base(new ActorSystemOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)) })
    {
        this.logs = logs;
        gated = new GatedStorage(storage);
        var registry = new EventManifestRegistry()
            .Register<CounterActor.Added>("counter-added", 1)
            .Register<CounterActor.CounterSnapshot>("counter-snapshot", 1);
        persistence = new PersistenceExtension(
            new GroupCommitJournal(gated, new JournalOptions(), TimeProvider.System),
            new InMemorySnapshotStore(keepLatest: 2),
            registry,
            "tests");
    }

    [Fact]
    public void A_new_incarnation_recovers_every_event_before_handling_commands()
    {
        gated.Release();
        var first = Start("c1");
        ExpectMsg("recovered:0");
        first.Tell(new CounterActor.Add(1));
        first.Tell(new CounterActor.AddMany([2, 3]));
        first.Tell(new CounterActor.Get(), TestActor);
        ExpectMsg("state:1,2,3@3");
        StopAndAwait(first);

        var second = Start("c1");
        second.Tell(new CounterActor.Get(), TestActor);

        Assert.Equal(["event:1", "event:2", "event:3", "recovered:3", "state:1,2,3@3"], ReceiveN(5).Cast<string>());
    }

    [Fact]
    public async Task Commands_arriving_while_a_persist_is_in_flight_wait_for_its_handler()
    {
        var actor = Start("c2");
        ExpectMsg("recovered:0");

        actor.Tell(new CounterActor.Add(7));
        await gated.FirstBatchEntered.WaitAsync(DefaultTimeout);
        actor.Tell(new CounterActor.Get(), TestActor);
        actor.Tell(new CounterActor.Add(8));
        actor.Tell(new CounterActor.Get(), TestActor);
        gated.Release();

        ExpectMsg("state:7@1");
        ExpectMsg("state:7,8@2");
    }

    [Fact]
    public void Recovery_starts_from_the_latest_snapshot_and_replays_only_later_events()
    {
        gated.Release();
        var first = Start("c3");
        ExpectMsg("recovered:0");
        first.Tell(new CounterActor.AddMany([1, 2, 3]));
        first.Tell(new CounterActor.Snap());
        ExpectMsg("snapshot-saved:3");
        first.Tell(new CounterActor.Add(4));
        first.Tell(new CounterActor.Get(), TestActor);
        ExpectMsg("state:1,2,3,4@4");
        StopAndAwait(first);

        var second = Start("c3");
        second.Tell(new CounterActor.Get(), TestActor);

        Assert.Equal(["offer:3", "event:4", "recovered:4", "state:1,2,3,4@4"], ReceiveN(4).Cast<string>());
    }

    [Fact]
    public async Task A_failed_write_stops_the_actor_and_logs_the_persistence_id()
    {
        gated.Release();
        var actor = Start("c4");
        ExpectMsg("recovered:0");
        Watch(actor);
        await persistence.Journal.WriteAsync([TestEvents.Write("c4", 1, 1)]);

        actor.Tell(new CounterActor.Add(1));

        ExpectTerminated(actor);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("c4", StringComparison.Ordinal) && e.Exception is JournalWriteException);
    }

    [Fact]
    public async Task An_unknown_manifest_fails_recovery_naming_manifest_and_persistence_id()
    {
        gated.Release();
        await persistence.Journal.WriteAsync([new AtomicWrite(TestEvents.Event("c5", 1) with { Manifest = "mystery.v1" })]);

        var actor = Start("c5");
        Watch(actor);

        ExpectTerminated(actor);
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("c5", error.Message, StringComparison.Ordinal);
        Assert.Contains("mystery.v1", error.Exception?.ToString(), StringComparison.Ordinal);
        Assert.Contains("c5", error.Exception?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deleted_events_are_not_replayed_and_numbering_continues()
    {
        gated.Release();
        var first = Start("c6");
        ExpectMsg("recovered:0");
        first.Tell(new CounterActor.AddMany([1, 2, 3]));
        first.Tell(new CounterActor.Delete(3));
        ExpectMsg("deleted:3");
        StopAndAwait(first);

        var second = Start("c6");
        ExpectMsg("recovered:3");
        second.Tell(new CounterActor.Add(4));
        second.Tell(new CounterActor.Get(), TestActor);

        ExpectMsg("state:4@4");
    }

    [Fact]
    public void Events_persisted_in_the_recovery_completed_handler_are_written_before_stashed_commands_run()
    {
        gated.Release();
        var actor = Sys.ActorOf(Props.Create(() => new CounterActor(persistence, "c7", TestActor, 42)));
        actor.Tell(new CounterActor.Get(), TestActor);

        ExpectMsg("recovered:0");
        ExpectMsg("state:42@1");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            gated.Release();
            persistence.DisposeAsync().AsTask().GetAwaiter().GetResult();
            logs.Dispose();
        }
    }

    private IActorRef Start(string persistenceId) =>
        Sys.ActorOf(Props.Create(() => new CounterActor(persistence, persistenceId, TestActor)));

    private void StopAndAwait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
    }
}
