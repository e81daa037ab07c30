using System.Collections.Immutable;
using System.Numerics;
using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Tasks;
using Engine.Actors.Tests.Orders.Actor;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Tasks;
using Engine.TestKit;

namespace Engine.Actors.Tests.Tasks;

/// <summary>The task book against a probe standing in for its connection, on Akka's in-memory journal.</summary>
public sealed class TaskBookActorTests : EngineTestKit
{
    private static readonly LoginId Login = new("dbot-1");
    private readonly TestProbe _connection;
    private readonly TestProbe _events;
    private IActorRef _parent = ActorRefs.Nobody;

    public TaskBookActorTests()
    {
        _connection = CreateTestProbe("connection");
        _events = CreateTestProbe("events");
        Sys.EventStream.Subscribe(_events.Ref, typeof(ITaskEvent));
    }

    [Fact]
    public void A_command_is_journaled_before_its_request_leaves_and_a_create_learns_its_task_id()
    {
        StartBook(ready: true);
        var command = new CreateFollowOrder(Login, new TaskCommandId("c-1"), UtcNow, new FollowOrderSpec("copy", "solana", "sol-main", ["leader"], 0.5m));
        _parent.Tell(command, TestActor);
        var issued = _events.ExpectMsg<TaskCommandIssued>();
        Assert.Equal(DBotWire.CreateOrUpdateFollowOrder, issued.Operation);
        var send = _connection.ExpectMsg<SendVenueRequest>();
        Assert.Equal(issued.Payload, ((DBotVenueRequest)send.Request).ParamsJson);

        _parent.Tell(new VenueRequestOutcome(send.Context, new DBotRpcReply(false, """{"id":"m8zl720z0043pp"}""", null), null, UtcNow));
        Assert.Equal(["m8zl720z0043pp"], _events.ExpectMsg<TaskCommandAccepted>().TaskIds.ToArray());
    }

    [Fact]
    public void Commands_are_refused_locally_while_not_ready_and_a_reused_id_is_refused_without_a_journal_entry()
    {
        StartBook(ready: false);
        var command = new SetFollowOrderEnabled(Login, new TaskCommandId("c-1"), UtcNow, "t1", Enabled: true);
        _parent.Tell(command, TestActor);
        Assert.Contains("not ready", ExpectMsg<TaskCommandRejected>().Reason, StringComparison.Ordinal);
        _events.ExpectMsg<TaskCommandIssued>();
        Assert.True(_events.ExpectMsg<TaskCommandRejected>().IsLocal);

        _parent.Tell(command, TestActor);
        Assert.Contains("already used", ExpectMsg<TaskCommandRejected>().Reason, StringComparison.Ordinal);
        _events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_trade_result_is_recorded_once_even_when_pushed_again_after_a_restart()
    {
        StartBook(ready: true);
        var trade = Trade("t1_a");
        _parent.Tell(new BookEvents([trade, trade]));
        Assert.Equal("t1_a", _events.ExpectMsg<TradeSucceeded>().ResultId);
        _events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        StopBook();
        StartBook(ready: true);
        _parent.Tell(new BookEvents([trade, Trade("t1_b")]));
        Assert.Equal("t1_b", _events.ExpectMsg<TradeSucceeded>().ResultId);
        _events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_command_left_without_reply_by_a_restart_becomes_unknown_and_is_resolved_from_the_listing()
    {
        StartBook(ready: true);
        _parent.Tell(new ToggleFollowOrders(Login, new TaskCommandId("c-1"), UtcNow, ["t1", "t2"], Enabled: false), TestActor);
        _events.ExpectMsg<TaskCommandIssued>();
        _connection.ExpectMsg<SendVenueRequest>();
        StopBook();

        StartBook(ready: false);
        Assert.Contains("restarted", _events.ExpectMsg<TaskCommandUnknown>().Reason, StringComparison.Ordinal);
        _parent.Tell(Ready(true));
        var list = _connection.ExpectMsg<SendVenueRequest>();
        Assert.Equal(DBotWire.ListFollowOrders, ((DBotVenueRequest)list.Request).Method);
        _parent.Tell(new VenueRequestOutcome(list.Context, new DBotRpcReply(false, """[{"id":"t1","name":"a","enabled":false},{"id":"t2","name":"b","enabled":true}]""", null), null, UtcNow));
        var resolved = _events.ExpectMsg<TaskCommandResolved>();
        Assert.Equal(TaskResolution.Partial, resolved.Resolution);
        Assert.Equal("1 of 2 listed as disabled: t1", resolved.Evidence);
    }

    [Fact]
    public void A_timeout_on_a_create_is_settled_by_finding_the_task_by_its_name_across_pages()
    {
        StartBook(ready: true);
        _parent.Tell(new CreateFollowOrder(Login, new TaskCommandId("c-1"), UtcNow, new FollowOrderSpec("wanted", "solana", "sol-main", ["leader"], 0.5m)), TestActor);
        var send = _connection.ExpectMsg<SendVenueRequest>();
        _parent.Tell(new VenueRequestOutcome(send.Context, null, "no reply within 00:00:10", UtcNow));
        _events.FishForMessage<TaskCommandUnknown>(_ => true);

        var page0 = _connection.ExpectMsg<SendVenueRequest>();
        var full = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"id":"x{{i}}","name":"other-{{i}}"}"""));
        _parent.Tell(new VenueRequestOutcome(page0.Context, new DBotRpcReply(false, $"[{full}]", null), null, UtcNow));
        var page1 = _connection.ExpectMsg<SendVenueRequest>();
        Assert.Contains("\"page\":1", ((DBotVenueRequest)page1.Request).ParamsJson, StringComparison.Ordinal);
        _parent.Tell(new VenueRequestOutcome(page1.Context, new DBotRpcReply(false, """[{"id":"m1","name":"wanted"}]""", null), null, UtcNow));
        var resolved = _events.ExpectMsg<TaskCommandResolved>();
        Assert.Equal(TaskResolution.Applied, resolved.Resolution);
        Assert.Equal(["m1"], resolved.TaskIds.ToArray());
    }

    private static TradeSucceeded Trade(string id) => new(
        Login, DateTimeOffset.UnixEpoch, id, id.Split('_')[0], "follow_order", null, "solana", "buy", "tok", "TOK", "wallet",
        "sol", new BigInteger(1), 9, "tok", BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), 6, 1m, BigInteger.Zero, 1, "hash", DateTimeOffset.UnixEpoch);

    private static ConnectionReadiness Ready(bool ready) => new(ready, ready ? "ready" : "not ready", ImmutableDictionary<Symbol, SymbolRules>.Empty);

    private void StartBook(bool ready)
    {
        _parent = Sys.ActorOf(Props.Create(() => new ForwardingParent(TaskBookActor.Props(Login, null), _connection.Ref, null)));
        _connection.ExpectMsg<ForwardingParent.ChildStarted>();
        _parent.Tell(Ready(ready));
    }

    private void StopBook()
    {
        Watch(_parent);
        Sys.Stop(_parent);
        ExpectTerminated(_parent);
    }
}
