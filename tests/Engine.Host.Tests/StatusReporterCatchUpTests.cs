using Akka;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Streams.Dsl;
using Engine.Actors.Monitoring;
using Engine.Actors.Runtime;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Persistence.Journal;
using Engine.Persistence.Plugin;
using Microsoft.Extensions.Logging.Abstractions;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

/// <summary>
/// The status reporter as a projection of the order journal: catch-up first (Akka.Persistence.Query on the engine
/// plugin over a real SQLite file, written beforehand by another actor system as by an earlier run), then live events.
/// </summary>
public sealed class StatusReporterCatchUpTests : Akka.TestKit.Xunit2.TestKit
{
    private const string TwoFills =
        "qg-huobi Disconnected | open 0 | fills 2 | BTC/USDT pos 0.5 avg 100 last 110 realised 5 unrealised 5 fees 0 pnl 10";

    private readonly TempDir _dir;
    private readonly JournalOptions _journal;

    public StatusReporterCatchUpTests()
        : this(new TempDir())
    {
    }

    private StatusReporterCatchUpTests(TempDir dir)
        : this(dir, OrderJournalFile.Sqlite(dir.File("engine.db")))
    {
    }

    private StatusReporterCatchUpTests(TempDir dir, JournalOptions journal)
        : base(Setup(journal), "status-catch-up")
    {
        _dir = dir;
        _journal = journal;
    }

    [Fact]
    public async Task After_a_restart_it_shows_what_the_journal_holds()
    {
        await OrderJournalFile.WriteAsync(_journal, [Submit("a"), Accept("a"), Fill("a", "f1", 1m, 100m), Submit("b", OrderSide.Sell, 0.5m, 110m), Accept("b"), Fill("b", "f2", 0.5m, 110m)]);

        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), EnginePluginConfig.ReadJournalId), "status");

        AwaitAssert(() => Assert.Equal([TwoFills], LinesOf(reporter)));
    }

    [Fact]
    public async Task An_event_both_journaled_and_seen_live_counts_once_and_live_events_during_the_catch_up_are_kept()
    {
        await OrderJournalFile.WriteAsync(_journal, [Submit("a"), Accept("a"), Fill("a", "f1", 1m, 100m), Submit("b", OrderSide.Sell, 0.5m, 110m), Accept("b")]);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), system =>
        {
            started.TrySetResult();
            return Gated(gate.Task, OrderJournalCatchUp.Current(system, EnginePluginConfig.ReadJournalId));
        }), "status");
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Sys.EventStream.Publish(new ConnectionStateChanged(Login, T0, ConnectionState.Ready, 6, "READY"));
        Sys.EventStream.Publish(Fill("a", "f1", 1m, 100m));
        Sys.EventStream.Publish(Submit("b", OrderSide.Sell, 0.5m, 110m));
        Sys.EventStream.Publish(Accept("b"));
        Sys.EventStream.Publish(Fill("b", "f2", 0.5m, 110m));
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));

        gate.TrySetResult(true);

        var expected = TwoFills.Replace("Disconnected", "Ready (6 READY)", StringComparison.Ordinal);
        AwaitAssert(() => Assert.Equal([expected], LinesOf(reporter)));
        Sys.EventStream.Publish(Fill("b", "f2", 0.5m, 110m));
        Sys.EventStream.Publish(Fill("a", "f1", 1m, 100m));
        Assert.Equal([expected], LinesOf(reporter));
    }

    [Fact]
    public async Task When_the_journal_cannot_be_read_it_follows_live_events()
    {
        await File.WriteAllTextAsync(_journal.Sqlite.Path, "this file is not a SQLite database, so the journal cannot be opened or read");
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), EnginePluginConfig.ReadJournalId), "status");
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));

        Sys.EventStream.Publish(Submit("c"));

        AwaitAssert(() => Assert.Equal(["qg-huobi Disconnected | open 1 | fills 0"], LinesOf(reporter)));
    }

    [Fact]
    public void When_the_read_journal_is_not_configured_it_follows_live_events()
    {
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5), "akka.persistence.query.journal.nowhere"), "status");
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], LinesOf(reporter));

        Sys.EventStream.Publish(Submit("c"));

        AwaitAssert(() => Assert.Equal(["qg-huobi Disconnected | open 1 | fills 0"], LinesOf(reporter)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _dir.Dispose();
        }
    }

    private static ActorSystemSetup Setup(JournalOptions journal) =>
        BootstrapSetup.Create()
            .WithConfig(ConfigurationFactory.ParseString("akka.test.single-expect-default = 10s\nakka.test.default-timeout = 10s")
                .WithFallback(OrderJournalFile.AkkaConfigFor(journal)))
            .And(new EngineSetup(TimeProvider.System, new Random(42), NullLoggerFactory.Instance));

    /// <summary>The journal's events, held back until <paramref name="gate"/> completes: the test decides when the catch-up ends.</summary>
    private static Source<IEngineEvent, NotUsed> Gated(Task<bool> gate, Source<IEngineEvent, NotUsed> journaled) =>
        Source.FromTask(gate).ConcatMany(_ => journaled);

    private IReadOnlyList<string> LinesOf(IActorRef reporter)
    {
        reporter.Tell(GetStatusLines.Instance, TestActor);
        return ExpectMsg<StatusLines>().Lines;
    }
}
