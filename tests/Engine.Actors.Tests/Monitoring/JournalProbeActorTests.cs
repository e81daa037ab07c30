using Akka.Actor;
using Engine.Actors.Monitoring;
using Engine.Actors.Tests.Orders.Actor;
using Engine.TestKit;

namespace Engine.Actors.Tests.Monitoring;

/// <summary>
/// The journal's write probe (readiness) on <see cref="SwitchableJournal"/>, whose writes can fail, be rejected or be
/// held: a probe is a real committed write, its stream is emptied afterwards, failures and a write that never commits
/// (virtual time) are reported, and the sequence numbers go on after each.
/// </summary>
public sealed class JournalProbeActorTests : EngineTestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private IActorRef _probe = ActorRefs.Nobody;

    public JournalProbeActorTests()
        : base(new EngineTestKitOptions { Hocon = SwitchableJournal.Hocon })
    {
    }

    private SwitchableStorage Storage => SwitchableStorage.For(Sys);

    [Fact]
    public void A_probe_is_a_committed_write_whose_stream_is_then_emptied_and_the_next_one_numbers_on()
    {
        Start();

        Assert.Equal(new JournalProbed(true, null), Probe());
        Assert.Equal(1, Storage.HighestSequenceNr(JournalProbeActor.PersistenceId));
        AwaitAssert(() => Assert.Empty(Storage.Stored(JournalProbeActor.PersistenceId)));

        Assert.True(Probe().Writable);
        Assert.Equal(2, Storage.HighestSequenceNr(JournalProbeActor.PersistenceId));
    }

    [Fact]
    public void A_failed_or_rejected_write_is_reported_and_the_journal_is_writable_again_once_it_takes_writes()
    {
        Start();
        Assert.True(Probe().Writable);

        Storage.FailWrites = true;
        var failed = Probe();
        Assert.False(failed.Writable);
        Assert.Contains("failed the write", failed.Problem, StringComparison.Ordinal);
        Storage.FailWrites = false;

        Storage.RejectWrites = true;
        Assert.Contains("rejected the write", Probe().Problem, StringComparison.Ordinal);
        Storage.RejectWrites = false;

        Assert.True(Probe().Writable);
        Assert.Equal(2, Storage.HighestSequenceNr(JournalProbeActor.PersistenceId));
    }

    [Fact]
    public async Task A_write_that_does_not_commit_in_time_is_reported_to_every_asker_and_its_late_success_is_not_taken_for_the_next_probe()
    {
        Start();
        Storage.Hold();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        _probe.Tell(ProbeJournal.Instance, first.Ref);
        await Storage.HeldWriteEntered.WaitAsync(TimeSpan.FromSeconds(10));
        _probe.Tell(ProbeJournal.Instance, second.Ref);

        Advance(Deadline);

        var late = first.ExpectMsg<JournalProbed>();
        Assert.False(late.Writable);
        Assert.Contains("did not confirm the write within", late.Problem, StringComparison.Ordinal);
        Assert.Equal(late, second.ExpectMsg<JournalProbed>());

        Storage.Release();
        AwaitAssert(() => Assert.Equal(1, Storage.HighestSequenceNr(JournalProbeActor.PersistenceId)));
        Assert.True(Probe().Writable);
        Assert.Equal(2, Storage.HighestSequenceNr(JournalProbeActor.PersistenceId));
    }

    private void Start()
    {
        _probe = Sys.ActorOf(JournalProbeActor.Props(deadline: Deadline), "journal-probe");
    }

    private JournalProbed Probe()
    {
        _probe.Tell(ProbeJournal.Instance, TestActor);
        return ExpectMsg<JournalProbed>();
    }
}
