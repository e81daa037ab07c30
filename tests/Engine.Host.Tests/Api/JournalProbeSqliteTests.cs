using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Persistence;
using Engine.Actors.Monitoring;
using Engine.Actors.Runtime;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Host.Tests.Api;

/// <summary>
/// The readiness write probe on the engine's journal plugin over a real SQLite file: each probe commits a row of its own
/// stream (the sequence numbers go on), the stream is then emptied, and a probe on a fresh system continues the numbers
/// written by an earlier one.
/// </summary>
public sealed class JournalProbeSqliteTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly TempDir _dir;
    private readonly JournalOptions _journal;

    public JournalProbeSqliteTests()
        : this(new TempDir())
    {
    }

    private JournalProbeSqliteTests(TempDir dir)
        : this(dir, OrderJournalFile.Sqlite(dir.File("engine.db")))
    {
    }

    private JournalProbeSqliteTests(TempDir dir, JournalOptions journal)
        : base(Setup(journal), "journal-probe")
    {
        _dir = dir;
        _journal = journal;
    }

    [Fact]
    public async Task Each_probe_commits_a_row_and_the_probe_stream_is_emptied_after_it()
    {
        await PersistenceHocon.PrepareAsync(_journal, OrderJournalFile.SnapshotsBeside(_journal));
        var probe = Sys.ActorOf(JournalProbeActor.Props(), "probe");

        for (var i = 1; i <= 3; i++)
        {
            probe.Tell(ProbeJournal.Instance, TestActor);
            Assert.Equal(new JournalProbed(true, null), ExpectMsg<JournalProbed>());
        }

        AwaitAssert(() =>
        {
            var (highest, replayed) = ReadProbeStream();
            Assert.Equal((3L, 0), (highest, replayed));
        });

        Sys.Stop(probe);
        var again = Sys.ActorOf(JournalProbeActor.Props(), "probe-again");
        again.Tell(ProbeJournal.Instance, TestActor);
        Assert.True(ExpectMsg<JournalProbed>().Writable);
        AwaitAssert(() => Assert.Equal(4L, ReadProbeStream().Highest));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _dir.Dispose();
        }
    }

    /// <summary>The highest sequence number of the probe stream and how many of its events still replay.</summary>
    private (long Highest, int Replayed) ReadProbeStream()
    {
        var reader = CreateTestProbe();
        Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null)
            .Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, JournalProbeActor.PersistenceId, reader.Ref), reader.Ref);
        var replayed = 0;
        while (true)
        {
            switch (reader.ExpectMsg<object>())
            {
                case ReplayedMessage:
                    replayed++;
                    break;
                case RecoverySuccess success:
                    return (success.HighestSequenceNr, replayed);
                case var other:
                    throw new InvalidOperationException($"unexpected reply {other}");
            }
        }
    }

    private static ActorSystemSetup Setup(JournalOptions journal) =>
        BootstrapSetup.Create()
            .WithConfig(ConfigurationFactory.ParseString("akka.test.single-expect-default = 10s\nakka.test.default-timeout = 10s")
                .WithFallback(OrderJournalFile.AkkaConfigFor(journal)))
            .And(new EngineSetup(TimeProvider.System, new Random(42), NullLoggerFactory.Instance));
}
