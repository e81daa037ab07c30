using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.Serialization;
using Engine.Kernel.Tests.Persistence.Support;
using Engine.TestKit;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Tests.Persistence.Actors;

public sealed class PersistAsyncTests : TestKitBase
{
    private readonly InMemoryJournalStorage storage = new();
    private readonly GatedStorage gated;
    private readonly PersistenceExtension persistence;
    private readonly CapturingLoggerProvider logs;

    public PersistAsyncTests()
        : this(new CapturingLoggerProvider())
    {
    }

    private PersistAsyncTests(CapturingLoggerProvider logs)
        : base(new ActorSystemOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)) })
    {
        this.logs = logs;
        gated = new GatedStorage(storage);
        var registry = new EventManifestRegistry()
            .Register<CounterActor.Added>("counter-added", 1);
        persistence = new PersistenceExtension(
            new GroupCommitJournal(gated, new JournalOptions(), TimeProvider.System),
            new InMemorySnapshotStore(keepLatest: 2),
            registry,
            "tests");
    }

    [Fact]
    public async Task Commands_keep_being_handled_while_a_write_is_in_flight_and_handlers_wait_for_the_commit()
    {
        var reporter = CreateTestProbe();
        var actor = Start("a1", reporter);
        reporter.ExpectMsg("recovered:0");

        actor.Tell(new AsyncCounterActor.AddAsync(1), TestActor);
        await gated.FirstBatchEntered.WaitAsync(DefaultTimeout);
        actor.Tell(new AsyncCounterActor.AddAsync(2), TestActor);
        actor.Tell(new CounterActor.Get(), TestActor);

        ExpectMsg("state:1,2");
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        gated.Release();

        reporter.ExpectMsg("handled:1@1");
        reporter.ExpectMsg("handled:2@2");
        ExpectMsg("ack:1");
        ExpectMsg("ack:2");
    }

    [Fact]
    public async Task Many_commands_are_handled_in_order_and_coalesced_into_few_journal_calls()
    {
        const int count = 500;
        var reporter = CreateTestProbe();
        var actor = Start("a2", reporter);
        reporter.ExpectMsg("recovered:0");

        actor.Tell(new AsyncCounterActor.AddAsync(1), TestActor);
        await gated.FirstBatchEntered.WaitAsync(DefaultTimeout);
        for (var i = 2; i <= count; i++)
        {
            actor.Tell(new AsyncCounterActor.AddAsync(i), TestActor);
        }

        actor.Tell(new AsyncCounterActor.Ping(), TestActor);
        actor.Tell(new CounterActor.Get(), TestActor);
        ExpectMsg($"state:{string.Join(',', Enumerable.Range(1, count))}");
        gated.Release();

        for (var i = 1; i <= count; i++)
        {
            reporter.ExpectMsg($"handled:{i}@{i}");
        }

        Assert.Equal([.. Enumerable.Range(1, count).Select(i => $"ack:{i}"), "pong"], ReceiveN(count + 1).Cast<string>());
        Assert.Equal(count, gated.Batches.Sum(b => b.Count));
        Assert.True(gated.Batches.Count <= 10, $"{gated.Batches.Count} journal batches for {count} writes");
        Assert.Contains(gated.Batches, b => b.Count > 100);
    }

    [Fact]
    public async Task A_failed_write_stops_the_actor_and_no_later_write_or_handler_happens()
    {
        var reporter = CreateTestProbe();
        var actor = Start("a3", reporter);
        reporter.ExpectMsg("recovered:0");
        Watch(actor);

        actor.Tell(new AsyncCounterActor.AddAsync(1), TestActor);
        await gated.FirstBatchEntered.WaitAsync(DefaultTimeout);
        actor.Tell(new AsyncCounterActor.AddAsync(2), TestActor);
        actor.Tell(new AsyncCounterActor.AddAsync(3), TestActor);
        actor.Tell(new AsyncCounterActor.Ping(), TestActor);
        var conflicting = persistence.Journal.WriteAsync([TestEvents.Write("a3", 2, 1)]);
        gated.Release();
        await conflicting.ContinueWith(static _ => { }, TaskScheduler.Default);

        reporter.ExpectMsg("handled:1@1");
        ExpectMsg("ack:1");
        ExpectTerminated(actor);
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var highest = await persistence.Journal.ReadHighestSequenceNrAsync("a3", 0);
        Assert.True(highest <= 2, $"highest {highest}; batches: {string.Join(" | ", gated.Batches.Select(b => string.Join(",", b.Select(w => $"{w.PersistenceId}:{w.LowestSequenceNr}-{w.HighestSequenceNr}"))))}");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("a3", StringComparison.Ordinal) && e.Exception is JournalWriteException);
    }

    [Fact]
    public async Task A_failed_first_write_runs_no_handler_and_writes_nothing_later()
    {
        gated.Release();
        var reporter = CreateTestProbe();
        var actor = Start("a4", reporter);
        reporter.ExpectMsg("recovered:0");
        Watch(actor);
        await persistence.Journal.WriteAsync([TestEvents.Write("a4", 1, 1)]);

        actor.Tell(new AsyncCounterActor.AddAsync(1), TestActor);
        actor.Tell(new AsyncCounterActor.AddAsync(2), TestActor);
        actor.Tell(new AsyncCounterActor.Ping(), TestActor);

        ExpectTerminated(actor);
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, await persistence.Journal.ReadHighestSequenceNrAsync("a4", 0));
    }

    [Fact]
    public async Task A_persist_waits_for_earlier_async_writes_and_holds_later_commands()
    {
        var reporter = CreateTestProbe();
        var actor = Start("a5", reporter);
        reporter.ExpectMsg("recovered:0");

        actor.Tell(new AsyncCounterActor.AddAsync(1), TestActor);
        await gated.FirstBatchEntered.WaitAsync(DefaultTimeout);
        actor.Tell(new CounterActor.Add(2));
        actor.Tell(new AsyncCounterActor.AddAllAsync([3, 4]));
        actor.Tell(new CounterActor.Get(), reporter.Ref);
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        gated.Release();

        reporter.ExpectMsg("handled:1@1");
        reporter.ExpectMsg("handled-sync:2@2");
        reporter.ExpectMsg("state:1,2,3,4");
        reporter.ExpectMsg("handled:3@3");
        reporter.ExpectMsg("handled:4@4");
    }

    [Fact]
    public void A_new_incarnation_recovers_everything_persisted_asynchronously()
    {
        gated.Release();
        var reporter = CreateTestProbe();
        var first = Start("a6", reporter);
        reporter.ExpectMsg("recovered:0");
        for (var i = 1; i <= 50; i++)
        {
            first.Tell(new AsyncCounterActor.AddAsync(i), TestActor);
        }

        first.Tell(new AsyncCounterActor.Ping(), TestActor);
        FishForMessage<string>(m => m == "pong");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = Start("a6", reporter);
        reporter.FishForMessage<string>(m => m.StartsWith("recovered:", StringComparison.Ordinal));
        second.Tell(new CounterActor.Get(), TestActor);

        ExpectMsg($"state:{string.Join(',', Enumerable.Range(1, 50))}");
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

    private IActorRef Start(string persistenceId, TestProbe reporter) =>
        Sys.ActorOf(Props.Create(() => new AsyncCounterActor(persistence, persistenceId, reporter.Ref)));
}
