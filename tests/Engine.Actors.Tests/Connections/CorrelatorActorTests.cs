using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Messages.Identifiers;
using Engine.TestKit;

namespace Engine.Actors.Tests.Connections;

public sealed class CorrelatorActorTests : EngineTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(35);

    private IActorRef Correlator(IReadOnlyDictionary<string, TimeSpan>? perOperation = null) =>
        Sys.ActorOf(CorrelatorActor.Props(Timeout, perOperation, TestActor));

    private CorrelatorActor.Counts Counts(IActorRef correlator)
    {
        var probe = CreateTestProbe();
        probe.Send(correlator, CorrelatorActor.GetCounts.Instance);
        return probe.ExpectMsg<CorrelatorActor.Counts>();
    }

    [Fact]
    public void A_matched_reply_goes_back_with_its_request()
    {
        var correlator = Correlator();
        correlator.Tell(new CorrelatorActor.Register("c-1", "place_order", new ClientOrderId("o-1")));
        correlator.Tell(new CorrelatorActor.Match("c-1", "the reply"));

        var matched = ExpectMsg<CorrelatorActor.Matched>();
        Assert.Equal("c-1", matched.Request.Key);
        Assert.Equal(new ClientOrderId("o-1"), matched.Request.ClientOrderId);
        Assert.Equal("the reply", matched.Reply);
        Assert.Equal(new CorrelatorActor.Counts(0, 0, 0), Counts(correlator));
    }

    [Fact]
    public void No_reply_before_the_deadline_times_out_and_a_late_reply_is_only_counted()
    {
        var correlator = Correlator();
        correlator.Tell(new CorrelatorActor.Register("c-1", "place_order", new ClientOrderId("o-1")));
        Assert.Equal(1, Counts(correlator).Pending);

        Advance(Timeout - TimeSpan.FromSeconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromSeconds(1));
        var timedOut = ExpectMsg<CorrelatorActor.TimedOut>();
        Assert.Equal("c-1", timedOut.Request.Key);

        correlator.Tell(new CorrelatorActor.Match("c-1", "late"));
        correlator.Tell(new CorrelatorActor.Match("nobody", "stray"));
        Assert.Equal(new CorrelatorActor.Counts(0, 1, 1), Counts(correlator));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Deadlines_come_from_the_operation()
    {
        var correlator = Correlator(new Dictionary<string, TimeSpan> { ["ping"] = TimeSpan.FromSeconds(2) });
        correlator.Tell(new CorrelatorActor.Register("slow", "place_order"));
        correlator.Tell(new CorrelatorActor.Register("fast", "ping"));
        Assert.Equal(2, Counts(correlator).Pending);

        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("fast", ExpectMsg<CorrelatorActor.TimedOut>().Request.Key);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Advance(Timeout);
        Assert.Equal("slow", ExpectMsg<CorrelatorActor.TimedOut>().Request.Key);
    }

    [Fact]
    public void Fail_all_hands_back_every_pending_request_and_nothing_times_out_later()
    {
        var correlator = Correlator();
        correlator.Tell(new CorrelatorActor.Register("a", "place_order"));
        correlator.Tell(new CorrelatorActor.Register("b", "cancel_order"));
        correlator.Tell(new CorrelatorActor.FailAll("socket closed"));

        var failed = ExpectMsg<CorrelatorActor.AllFailed>();
        Assert.Equal(["a", "b"], failed.Requests.Select(r => r.Key).Order());
        Assert.Equal("socket closed", failed.Reason);
        Advance(Timeout * 2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
