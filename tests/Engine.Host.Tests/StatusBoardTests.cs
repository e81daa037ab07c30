using Engine.Actors.Monitoring;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.TestKit;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests;

public class StatusBoardTests : EngineTestKit
{
    public static TheoryData<IEngineEvent[], string> Lines => new()
    {
        { [], "qg-huobi Disconnected | open 0 | fills 0" },
        { [new ConnectionStateChanged(Login, T0, ConnectionState.Ready, 6, "READY")], "qg-huobi Ready (6 READY) | open 0 | fills 0" },
        { [Submit("a"), Accept("a")], "qg-huobi Disconnected | open 1 | fills 0" },
        {
            [Submit("a", quantity: 2m), Accept("a"), Partial("a", "f1", 1m, 100m, 0.1m), Partial("a", "f1", 1m, 100m, 0.1m)],
            "qg-huobi Disconnected | open 1 | fills 1 | BTC/USDT pos 1 avg 100 last 100 realised 0 unrealised 0 fees 0.1 pnl -0.1"
        },
        {
            [Submit("a"), Accept("a"), Fill("a", "f1", 1m, 100m), Submit("b", Engine.Messages.Orders.OrderSide.Sell, 0.5m, 110m), Accept("b"), Fill("b", "f2", 0.5m, 110m)],
            "qg-huobi Disconnected | open 0 | fills 2 | BTC/USDT pos 0.5 avg 100 last 110 realised 5 unrealised 5 fees 0 pnl 10"
        },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void One_line_per_login(IEngineEvent[] events, string expected)
    {
        var board = new StatusBoard([Login]);
        foreach (var e in events)
        {
            board.Apply(e);
        }

        Assert.Equal([expected], board.Render());
    }

    [Fact]
    public void Events_applied_from_the_journal_and_again_live_count_once()
    {
        IEngineEvent[] journaled = [Submit("a"), Accept("a"), Partial("a", "f1", 0.5m, 100m, 0.1m), Fill("a", "f2", 0.5m, 100m)];
        var once = new StatusBoard([Login]);
        var twice = new StatusBoard([Login]);
        foreach (var e in journaled)
        {
            once.Apply(e);
            twice.Apply(e);
        }

        foreach (var e in journaled)
        {
            twice.Apply(e);
        }

        Assert.Equal(once.Render(), twice.Render());
        Assert.Equal(2, twice.StatusOf(Login).Fills);
    }

    [Fact]
    public void A_login_heard_of_only_through_events_gets_its_own_line()
    {
        var board = new StatusBoard([Login]);
        board.Apply(new ConnectionStateChanged(new LoginId("other"), T0, ConnectionState.Connecting));

        Assert.Equal(2, board.Render().Count);
        Assert.StartsWith("other Connecting", board.Render()[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_reporter_follows_the_event_stream()
    {
        var reporter = Sys.ActorOf(StatusReporterActor.Props([Login], TimeSpan.FromSeconds(5)), "status");
        reporter.Tell(GetStatusLines.Instance, TestActor);
        Assert.Equal(["qg-huobi Disconnected | open 0 | fills 0"], ExpectMsg<StatusLines>().Lines);

        Sys.EventStream.Publish(new ConnectionStateChanged(Login, T0, ConnectionState.Ready, 6, "READY"));
        Sys.EventStream.Publish(Submit("a"));
        Advance(TimeSpan.FromSeconds(5));

        reporter.Tell(GetStatusLines.Instance, TestActor);
        Assert.Equal(["qg-huobi Ready (6 READY) | open 1 | fills 0"], ExpectMsg<StatusLines>().Lines);
    }
}
