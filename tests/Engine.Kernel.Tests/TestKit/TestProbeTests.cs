using Engine.Kernel.Actors;
using Engine.TestKit;
using Xunit.Sdk;

namespace Engine.Kernel.Tests.TestKit;

public class TestProbeTests : TestKitBase
{
    /// <summary>Only where a timeout is the expected outcome; positive expectations keep the generous default.</summary>
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void ExpectMsg_fails_on_timeout_wrong_type_and_failed_predicate()
    {
        Assert.Throws<XunitException>(() => ExpectMsg<string>(timeout: Short));

        TestActor.Tell(1);
        Assert.Throws<XunitException>(() => ExpectMsg<string>());

        TestActor.Tell("a");
        Assert.Throws<XunitException>(() => ExpectMsg<string>(s => s == "b"));
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("x");
        Assert.Throws<XunitException>(() => ExpectNoMsg(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void FishForMessage_skips_until_the_target_and_ReceiveN_keeps_order()
    {
        foreach (var m in new object[] { 1, "skip", 2, "target", 3, 4 })
        {
            TestActor.Tell(m);
        }

        Assert.Equal("target", FishForMessage<string>(s => s == "target"));
        Assert.Equal([3, 4], ReceiveN(2).Cast<int>());
    }

    [Fact]
    public void Reply_and_Forward_use_the_recorded_sender()
    {
        var asker = CreateTestProbe("asker");
        var target = CreateTestProbe("target");
        asker.Send(TestActor, "question");
        ExpectMsg("question");

        Probe.Reply("answer");
        asker.ExpectMsg("answer");
        Assert.Equal(TestActor, asker.LastSender);

        Probe.Forward(target.Ref);
        target.ExpectMsg("question");
        Assert.Equal(asker.Ref, target.LastSender);
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_passes_and_fails_after_the_timeout()
    {
        var attempts = 0;
        AwaitAssert(() => Assert.True(++attempts >= 3), TimeSpan.FromSeconds(10));
        Assert.Equal(3, attempts);

        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task Terminate_stops_every_actor_bottom_up_and_completes_WhenTerminated()
    {
        var stopped = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var parent = Sys.ActorOf(Props.Create(() => new Recording(stopped, "parent", true)), "parent");
        parent.Tell("ping", TestActor);
        ExpectMsg("pong");

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.Equal(["child", "parent"], stopped);
    }

    private sealed class Recording : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stopped;
        private readonly string _name;

        public Recording(System.Collections.Concurrent.ConcurrentQueue<string> stopped, string name, bool withChild)
        {
            _stopped = stopped;
            _name = name;
            if (withChild)
            {
                Context.ActorOf(Props.Create(() => new Recording(stopped, "child", false)), "child");
            }

            Receive<string>(_ => Sender.Tell("pong"));
        }

        protected override void PostStop() => _stopped.Enqueue(_name);
    }
}
