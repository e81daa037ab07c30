using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Connections.Policies;
using Engine.TestKit;

namespace Engine.Actors.Tests.Connections;

public sealed class HeartbeatActorTests() : EngineTestKit(new EngineTestKitOptions { Hocon = CountingTestScheduler.Hocon })
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    private int PendingTimers => ((CountingTestScheduler)Sys.Scheduler).PendingTimers;

    private IActorRef StartHeartbeat()
    {
        var heartbeat = Sys.ActorOf(HeartbeatActor.Props(TestActor));
        heartbeat.Tell(new HeartbeatActor.Start(new HeartbeatPolicy(Ping, Idle, UtcNow)));
        AwaitAssert(() => Assert.True(PendingTimers > 0));
        return heartbeat;
    }

    [Fact]
    public void A_silent_connection_gets_pings_every_interval_then_is_declared_dead_once()
    {
        StartHeartbeat();

        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
        Advance(Ping);
        var dead = ExpectMsg<HeartbeatActor.Dead>();
        Assert.Equal(Idle, dead.Silence);

        Advance(Idle * 3);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Frames_received_keep_the_connection_alive_and_pings_continue_regardless()
    {
        var heartbeat = StartHeartbeat();
        for (var i = 0; i < 8; i++)
        {
            Advance(Ping);
            var ping = ExpectMsg<HeartbeatActor.PingDue>();
            heartbeat.Tell(new HeartbeatActor.Activity(ping.At));
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_dead_the_owner_answers_with_a_later_frame_resumes_the_watch_from_that_frame()
    {
        var heartbeat = StartHeartbeat();
        var started = UtcNow;
        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
        Advance(Ping);
        Assert.Equal(started + Idle, ExpectMsg<HeartbeatActor.Dead>().At);

        // The owner's last frame came at 12 s, which the heartbeat was never told of.
        var lastFrame = started + TimeSpan.FromSeconds(12);
        heartbeat.Tell(new HeartbeatActor.Activity(lastFrame));
        Assert.Equal(started + Idle, ExpectMsg<HeartbeatActor.PingDue>().At);
        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
        Advance(TimeSpan.FromSeconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Advance(TimeSpan.FromSeconds(1));
        var dead = ExpectMsg<HeartbeatActor.Dead>();
        Assert.Equal(lastFrame + Idle, dead.At);
        Assert.Equal(Idle, dead.Silence);
    }

    [Fact]
    public void Suspend_stops_every_decision_until_the_next_start()
    {
        var heartbeat = StartHeartbeat();
        heartbeat.Tell(HeartbeatActor.Suspend.Instance);
        AwaitAssert(() => Assert.Equal(0, PendingTimers));
        Advance(Idle * 2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        heartbeat.Tell(new HeartbeatActor.Start(new HeartbeatPolicy(Ping, Idle, UtcNow)));
        AwaitAssert(() => Assert.True(PendingTimers > 0));
        Advance(Ping);
        ExpectMsg<HeartbeatActor.PingDue>();
    }
}
