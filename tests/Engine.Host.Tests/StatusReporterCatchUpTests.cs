using System.Runtime.CompilerServices;
using Engine.Actors.Monitoring;
using Engine.Actors.Orders;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;
using Engine.Persistence.Serialization;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.TestKit;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

/// <summary>The status reporter as a projection of the order journal: catch-up first, then live events.</summary>
public sealed class StatusReporterCatchUpTests : TestKitBase, IAsyncLifetime
{
    private const string TwoFills =
        "qg-huobi Disconnected | open 0 | fills 2 | BTC/USDT pos 0.5 avg 100 last 110 realised 5 unrealised 5 fees 0 pnl 10";

    private readonly PersistenceExtension _persistence = new(
        new GroupCommitJournal(new InMemoryJournalStorage(), new JournalOptions { Plugin = "in-memory" }, TimeProvider.System),
        new InMemorySnapshotStore(keepLatest: 3),
        OrderJournal.CreateRegistry(),
        "tests");

    private long _sequenceNr;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _persistence.DisposeAsync();

    [Fact]
    public async Task After_a_restart_it_shows_what_the_journal_holds()
    {
        await JournalAsync(Submit("a"), Accept("a"), Fill("a", "f1", 1m, 100m), Submit("b", OrderSide.Sell, 0.5m, 110m), Accept("b"), Fill("b", "f2", 0.5m, 110m));

        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), _persistence), "status");

        AwaitAssert(() => Assert.Equal([TwoFills], LinesOf(reporter)));
    }

    [Fact]
    public async Task An_event_both_journaled_and_seen_live_counts_once_and_live_events_during_the_catch_up_are_kept()
    {
        await JournalAsync(Submit("a"), Accept("a"), Fill("a", "f1", 1m, 100m), Submit("b", OrderSide.Sell, 0.5m, 110m), Accept("b"));
        var journal = new GatedReadJournal(_persistence.Journal);
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), journal, _persistence.Registry), "status");
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));
        await journal.Started.WaitAsync(DefaultTimeout);

        Sys.EventStream.Publish(new ConnectionStateChanged(Login, T0, ConnectionState.Ready, 6, "READY"));
        Sys.EventStream.Publish(Fill("a", "f1", 1m, 100m));
        Sys.EventStream.Publish(Submit("b", OrderSide.Sell, 0.5m, 110m));
        Sys.EventStream.Publish(Accept("b"));
        Sys.EventStream.Publish(Fill("b", "f2", 0.5m, 110m));
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));

        journal.Release();

        var expected = TwoFills.Replace("Disconnected", "Ready (6 READY)", StringComparison.Ordinal);
        AwaitAssert(() => Assert.Equal([expected], LinesOf(reporter)));
        Sys.EventStream.Publish(Fill("b", "f2", 0.5m, 110m));
        Sys.EventStream.Publish(Fill("a", "f1", 1m, 100m));
        Assert.Equal([expected], LinesOf(reporter));
    }

    [Fact]
    public async Task When_the_journal_cannot_be_read_it_follows_live_events()
    {
        await JournalAsync(Submit("a"), Accept("a"));
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), _persistence.Journal, new EventManifestRegistry()), "status");
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));

        Sys.EventStream.Publish(Submit("c"));

        AwaitAssert(() => Assert.Equal(["qg-huobi Disconnected | open 1 | fills 0"], LinesOf(reporter)));
    }

    private IReadOnlyList<string> LinesOf(IActorRef reporter)
    {
        reporter.Tell(GetStatusLines.Instance, TestActor);
        return ExpectMsg<StatusLines>().Lines;
    }

    /// <summary>Writes the events the way an order book does: its persistence id, next sequence number, tag <c>orders</c>.</summary>
    private async Task JournalAsync(params IOrderEvent[] events)
    {
        foreach (var e in events)
        {
            var serialized = _persistence.Registry.Serialize(e);
            var repr = new PersistentRepr(
                OrderJournal.PersistenceIdOf(e.Login), ++_sequenceNr, serialized.Manifest, serialized.Payload, [OrderJournal.Tag], T0, _persistence.WriterId);
            await _persistence.Journal.WriteAsync([new AtomicWrite(repr)]);
        }
    }

    /// <summary>Holds tag queries until <see cref="Release"/>, so the test controls when the catch-up completes.</summary>
    private sealed class GatedReadJournal(IReadJournal inner) : IReadJournal
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _gate.TrySetResult();

        public async IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long fromOrdering, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            _started.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
            await foreach (var envelope in inner.CurrentEventsByTag(tag, fromOrdering, cancellationToken))
            {
                yield return envelope;
            }
        }

        public IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
            inner.CurrentEventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken);

        public IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
            inner.EventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken);

        public IAsyncEnumerable<EventEnvelope> CurrentAllEvents(long fromOrdering, CancellationToken cancellationToken = default) =>
            inner.CurrentAllEvents(fromOrdering, cancellationToken);

        public IAsyncEnumerable<EventEnvelope> AllEvents(long fromOrdering, CancellationToken cancellationToken = default) =>
            inner.AllEvents(fromOrdering, cancellationToken);

        public IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long fromOrdering, CancellationToken cancellationToken = default) =>
            inner.EventsByTag(tag, fromOrdering, cancellationToken);
    }
}
