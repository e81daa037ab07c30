using System.Text;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.TestKit;

namespace Engine.Actors.Tests.Connections;

public sealed class SharedTransportActorTests : EngineTestKit
{
    /// <summary>"key rest" routes by key; "key|also rest" by key, also naming also.</summary>
    private static readonly FrameRouter FirstWord = frame =>
    {
        var text = Encoding.UTF8.GetString(frame);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return FrameRoute.None;
        }

        var keys = text[..space].Split('|');
        return new FrameRoute(keys[0], keys.Length > 1 ? keys[1] : null);
    };

    private static byte[] Frame(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(TransportActor.FrameReceived frame) => Encoding.UTF8.GetString(frame.Frame);

    /// <summary>Stands in for the real socket actor: opens at once and pushes what the test hands it to its parent.</summary>
    private sealed class LoopTransport : ReceiveActor
    {
        public LoopTransport(IActorRef announceTo)
        {
            announceTo.Tell(Self);
            var generation = 0;
            Receive<TransportActor.Connect>(c =>
            {
                generation = c.Generation;
                Sender.Tell(new TransportActor.Connected(c.Generation));
            });
            Receive<byte[]>(frame => Context.Parent.Tell(new TransportActor.FrameReceived(generation, frame, DateTimeOffset.UnixEpoch)));
            Receive<TransportActor.Send>(_ => { });
            Receive<TransportActor.Close>(c => Context.Parent.Tell(new TransportActor.Closed(generation, null, c.Reason)));
        }
    }

    private (IActorRef Shared, IActorRef Socket) Start()
    {
        var announced = CreateTestProbe();
        var shared = Sys.ActorOf(SharedTransportActor.Props(Props.Create(() => new LoopTransport(announced.Ref)), FirstWord));
        return (shared, announced.ExpectMsg<IActorRef>());
    }

    private static void Attach(IActorRef shared, Akka.TestKit.TestProbe member, int generation, params string[] keys)
    {
        member.Send(shared, new TransportActor.Connect(new Uri("ws://127.0.0.1:1/ws"), generation));
        member.ExpectMsg<TransportActor.Connected>(c => c.Generation == generation);
        foreach (var key in keys)
        {
            member.Send(shared, new SharedTransportActor.RouteTo(key));
        }
    }

    [Fact]
    public void A_frame_whose_key_a_member_claimed_goes_to_that_member_only_and_others_go_to_everyone()
    {
        var (shared, socket) = Start();
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        Attach(shared, a, 3, "a-prefix", "a-token");
        Attach(shared, b, 8, "b-prefix");

        socket.Tell(Frame("a-token notify"));
        socket.Tell(Frame("b-prefix reply"));
        socket.Tell(Frame("nobody's error"));
        socket.Tell(Frame("unkeyed"));

        var first = a.ExpectMsg<TransportActor.FrameReceived>();
        Assert.Equal(("a-token notify", 3), (Text(first), first.Generation));
        Assert.Equal("nobody's error", Text(a.ExpectMsg<TransportActor.FrameReceived>()));
        Assert.Equal("unkeyed", Text(a.ExpectMsg<TransportActor.FrameReceived>()));
        var second = b.ExpectMsg<TransportActor.FrameReceived>();
        Assert.Equal(("b-prefix reply", 8), (Text(second), second.Generation));
        Assert.Equal("nobody's error", Text(b.ExpectMsg<TransportActor.FrameReceived>()));
        Assert.Equal("unkeyed", Text(b.ExpectMsg<TransportActor.FrameReceived>()));
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_second_key_a_routed_frame_names_is_learnt_for_the_same_member()
    {
        var (shared, socket) = Start();
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        Attach(shared, a, 1, "a-prefix");
        Attach(shared, b, 1, "b-prefix");

        socket.Tell(Frame("a-prefix|a-token login-reply"));
        socket.Tell(Frame("a-token notify"));

        Assert.Equal("a-prefix|a-token login-reply", Text(a.ExpectMsg<TransportActor.FrameReceived>()));
        Assert.Equal("a-token notify", Text(a.ExpectMsg<TransportActor.FrameReceived>()));
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_detached_members_keys_are_forgotten_so_its_frames_reach_the_others()
    {
        var (shared, socket) = Start();
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        Attach(shared, a, 1, "a-token");
        Attach(shared, b, 1);

        a.Send(shared, new TransportActor.Close("logout"));
        a.ExpectMsg<TransportActor.Closed>();
        socket.Tell(Frame("a-token late notify"));

        Assert.Equal("a-token late notify", Text(b.ExpectMsg<TransportActor.FrameReceived>()));
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_claim_from_a_member_that_is_not_attached_is_ignored()
    {
        var (shared, socket) = Start();
        var a = CreateTestProbe();
        var stranger = CreateTestProbe();
        Attach(shared, a, 1);
        stranger.Send(shared, new SharedTransportActor.RouteTo("mine"));

        socket.Tell(Frame("mine frame"));

        Assert.Equal("mine frame", Text(a.ExpectMsg<TransportActor.FrameReceived>()));
        stranger.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
