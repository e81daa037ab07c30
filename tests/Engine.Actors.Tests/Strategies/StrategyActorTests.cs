using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Strategies;
using Engine.Config;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Engine.TestKit;

namespace Engine.Actors.Tests.Strategies;

/// <summary>The strategy base class: commands, queries, login-filtered hooks, order tracking and parameters.</summary>
public class StrategyActorTests : EngineTestKit
{
    private static readonly LoginId Mine = new("login-a");
    private static readonly LoginId Other = new("login-b");
    private static readonly Symbol Btc = new("BTC/USDT");
    private readonly TestProbe _connections;

    public StrategyActorTests() => _connections = CreateTestProbe("connections");

    [Fact]
    public void Submit_tells_the_command_to_connections_and_returns_a_fresh_id_prefixed_by_the_strategy_name()
    {
        var strategy = Start();
        var startMs = ClientOrderIdGenerator.Base36(UtcNow.ToUnixTimeMilliseconds());

        strategy.Tell(new RecordingStrategy.DoSubmit(Mine, Btc, OrderSide.Buy, 1m, 100m));
        strategy.Tell(new RecordingStrategy.DoSubmit(Mine, Btc, OrderSide.Sell, 2m, 101m));

        var first = _connections.ExpectMsg<SubmitOrder>();
        Assert.Equal(strategy, _connections.LastSender);
        var second = _connections.ExpectMsg<SubmitOrder>();
        Assert.Equal(new ClientOrderId($"rec-{startMs}-1"), ExpectMsg<ClientOrderId>());
        Assert.Equal(new ClientOrderId($"rec-{startMs}-2"), ExpectMsg<ClientOrderId>());
        Assert.Equal(
            (Mine, new ClientOrderId($"rec-{startMs}-1"), UtcNow, Btc, OrderSide.Buy, OrderType.Limit, 1m, (decimal?)100m, TimeInForce.Gtc),
            (first.Login, first.ClientOrderId, first.Timestamp, first.Symbol, first.Side, first.Type, first.Quantity, first.Price, first.TimeInForce));
        Assert.Equal(new ClientOrderId($"rec-{startMs}-2"), second.ClientOrderId);
    }

    [Fact]
    public void Commands_for_a_login_the_strategy_does_not_trade_are_refused_before_anything_is_sent()
    {
        var strategy = Start();

        strategy.Tell(new RecordingStrategy.DoSubmit(Other, Btc, OrderSide.Buy, 1m, 100m));
        strategy.Tell(new RecordingStrategy.DoCancelAll(Other, null));

        var failure = ExpectMsg<RecordingStrategy.Failure>();
        Assert.Equal(nameof(ArgumentException), failure.Type);
        Assert.Contains("Strategy rec does not trade login 'login-b'; its logins are: login-a", failure.Message, StringComparison.Ordinal);
        ExpectMsg<RecordingStrategy.Failure>();
        _connections.ExpectNoMsg();
    }

    [Fact]
    public void Cancel_and_cancel_all_and_queries_go_to_connections_with_the_strategy_as_sender()
    {
        var strategy = Start();
        var id = new ClientOrderId("x-1");

        strategy.Tell(new RecordingStrategy.DoCancel(Mine, id));
        strategy.Tell(new RecordingStrategy.DoCancelAll(Mine, Btc));
        strategy.Tell(new RecordingStrategy.DoQuerySymbolInfo(Mine, Btc));

        Assert.Equal(new CancelOrder(Mine, id, UtcNow), _connections.ExpectMsg<CancelOrder>());
        Assert.Equal(new CancelAllOrders(Mine, UtcNow, Btc), _connections.ExpectMsg<CancelAllOrders>());
        Assert.Equal(new QuerySymbolInfo(Mine, Btc, UtcNow), _connections.ExpectMsg<QuerySymbolInfo>());
        var rules = new SymbolRules(Btc, 0.01m, 0.001m);
        _connections.Reply(new SymbolInfoReply(Mine, UtcNow, rules));
        ExpectMsg<ClientOrderId>();
        ExpectMsg<LoginId>();
        ExpectMsg<Symbol>();
        Assert.Equal(rules, ExpectMsg<SymbolInfoReply>().Rules);
    }

    [Fact]
    public void Asked_query_completes_with_the_typed_reply_or_fails_with_the_venues_reason()
    {
        var strategy = Start();
        var flat = new PositionSnapshot(Btc, 0m, 0m, 0m, 0m, 0m, 0m, 0m, null);

        strategy.Tell(new RecordingStrategy.DoAskPosition(Mine, Btc));
        _connections.ExpectMsg<QueryPosition>();
        _connections.Reply(new PositionReply(Mine, UtcNow, flat));
        strategy.Tell(new RecordingStrategy.DoAskPosition(Mine, Btc));
        _connections.ExpectMsg<QueryPosition>();
        _connections.Reply(new QueryFailed(Mine, UtcNow, nameof(QueryPosition), "no such contract", OutcomeUnknown: false));

        // Two asks are in flight at once: their outcomes come back in either order.
        var outcomes = ReceiveN(2);
        Assert.Equal(flat, Assert.Single(outcomes.OfType<PositionReply>()).Position);
        var failure = Assert.Single(outcomes.OfType<Status.Failure>());
        var cause = Assert.IsType<StrategyQueryException>(failure.Cause);
        Assert.Equal("QueryPosition for login login-a failed: no such contract", cause.Message);
    }

    [Fact]
    public void Only_events_of_its_own_logins_reach_the_hooks()
    {
        Start();
        var now = UtcNow;
        var balance = new Balance("USDT", 10m, 0m, 10m);
        var position = new PositionSnapshot(Btc, 1m, 1m, 100m, 0m, 0m, 0m, 0m, null);

        Sys.EventStream.Publish(new ConnectionStateChanged(Other, now, ConnectionState.Ready));
        Sys.EventStream.Publish(new BalanceChanged(Other, now, balance));
        Sys.EventStream.Publish(new ConnectionStateChanged(Mine, now, ConnectionState.Ready));
        Sys.EventStream.Publish(new BalanceChanged(Mine, now, balance));
        Sys.EventStream.Publish(new PositionChanged(Mine, now, position));
        Sys.EventStream.Publish(new RequestBudgetExhausted(Mine, now, "ORDERS 50/10s", now.AddSeconds(1), 3));
        Sys.EventStream.Publish(new OrderCanceled(Other, new ClientOrderId("o-1"), now));
        Sys.EventStream.Publish(new OrderCanceled(Mine, new ClientOrderId("o-2"), now));

        Assert.Equal(
            ["state", "balance", "position", "budget", "order"],
            ReceiveN(5).Cast<RecordingStrategy.Hook>().Select(h => h.Kind));
        Assert.Equal(Mine, ((IOrderEvent)((RecordingStrategy.Hook)LastMessage).Payload).Login);
        ExpectNoMsg();
    }

    [Fact]
    public void Fills_are_joined_with_the_submitted_order_and_terminal_orders_leave_the_working_set()
    {
        var strategy = Start();
        strategy.Tell(new RecordingStrategy.DoSubmit(Mine, Btc, OrderSide.Sell, 2m, 100m));
        var id = ExpectMsg<ClientOrderId>();
        var now = UtcNow;
        var venueId = new VenueOrderId("v-1");

        Sys.EventStream.Publish(new OrderAccepted(Mine, id, now, venueId));
        Sys.EventStream.Publish(new OrderPartiallyFilled(Mine, id, now, venueId, new FillId("f-1"), 100m, 0.5m));
        strategy.Tell(new RecordingStrategy.GetWorkingOrders());

        ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "order");
        var partial = (StrategyFill)ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "fill").Payload;
        ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "order");
        Assert.Equal((OrderSide.Sell, -0.5m, false, OrderStatus.PartiallyFilled, 1.5m), (partial.Side, partial.SignedQuantity, partial.CompletesOrder, partial.Order!.Status, partial.Order.Remaining));
        var working = Assert.Single(ExpectMsg<List<StrategyOrder>>());
        Assert.Equal((id, OrderStatus.PartiallyFilled, 0.5m), (working.ClientOrderId, working.Status, working.FilledQuantity));

        Sys.EventStream.Publish(new OrderFilled(Mine, id, now, venueId, new FillId("f-2"), 101m, 1.5m));
        strategy.Tell(new RecordingStrategy.GetWorkingOrders());

        var full = (StrategyFill)ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "fill").Payload;
        ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "order");
        Assert.Equal((true, OrderStatus.Filled, 2m), (full.CompletesOrder, full.Order!.Status, full.Order.FilledQuantity));
        Assert.Empty(ExpectMsg<List<StrategyOrder>>());
    }

    [Fact]
    public void A_fill_reported_after_its_orders_final_status_still_names_the_order()
    {
        // The quant gateway sends the FILLED order report before the fill itself.
        var strategy = Start();
        strategy.Tell(new RecordingStrategy.DoSubmit(Mine, Btc, OrderSide.Sell, 1m, 100m));
        var id = ExpectMsg<ClientOrderId>();
        var now = UtcNow;
        var venueId = new VenueOrderId("v-9");

        Sys.EventStream.Publish(new OrderAccepted(Mine, id, now, venueId));
        Sys.EventStream.Publish(new OrderStatusReported(Mine, id, now, venueId, OrderStatus.Filled, 1m, 0m));
        Sys.EventStream.Publish(new OrderFilled(Mine, id, now, venueId, new FillId("f-9"), 100m, 1m));
        strategy.Tell(new RecordingStrategy.GetWorkingOrders());

        var fill = (StrategyFill)FishForMessage<RecordingStrategy.Hook>(h => h.Kind == "fill").Payload;
        Assert.Equal((OrderSide.Sell, -1m, id), (fill.Side, fill.SignedQuantity, fill.Order!.ClientOrderId));
        Assert.Empty(FishForMessage<List<StrategyOrder>>(_ => true));
    }

    [Fact]
    public void A_fill_of_an_order_it_did_not_submit_has_no_side()
    {
        Start();

        Sys.EventStream.Publish(new OrderFilled(Mine, new ClientOrderId("old-1"), UtcNow, new VenueOrderId("v"), new FillId("f"), 100m, 1m));

        var fill = (StrategyFill)ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "fill").Payload;
        Assert.Equal(((OrderSide?)null, 0m, (StrategyOrder?)null), (fill.Side, fill.SignedQuantity, fill.Order));
    }

    [Fact]
    public void Engine_events_still_reach_the_hooks_in_a_behaviour_set_with_become()
    {
        var strategy = Start();
        strategy.Tell(new RecordingStrategy.DoBecomeQuiet());
        ExpectMsg("became quiet");

        Sys.EventStream.Publish(new ConnectionStateChanged(Other, UtcNow, ConnectionState.Ready));
        Sys.EventStream.Publish(new ConnectionStateChanged(Mine, UtcNow, ConnectionState.Reconnecting));
        strategy.Tell("ping");

        Assert.Equal(ConnectionState.Reconnecting, ((ConnectionStateChanged)ExpectMsg<RecordingStrategy.Hook>(h => h.Kind == "state").Payload).State);
        ExpectMsg("quiet:ping");
    }

    [Fact]
    public void Parameters_bind_strictly_and_name_file_line_and_key()
    {
        var strategy = Start("levels = 3\nspred-bps = 5\n");

        strategy.Tell(new RecordingStrategy.DoBind());

        var failure = ExpectMsg<RecordingStrategy.Failure>();
        Assert.Equal(nameof(ConfigException), failure.Type);
        Assert.Equal("rec.conf:2: spred-bps: unknown key; expected one of: levels, spread-bps", failure.Message);
    }

    private IActorRef Start(string parameters = "")
    {
        var context = new StrategyContext("rec", [Mine], _connections.Ref, HoconConfig.Parse(parameters, "rec.conf").Resolve(_ => null))
        {
            TimeProvider = Clock,
        };
        var reports = TestActor;
        var strategy = Sys.ActorOf(Props.Create(() => new RecordingStrategy(context, reports)), "rec");

        // Once it answers, PreStart has run and the event subscription is in place.
        strategy.Tell(new RecordingStrategy.GetWorkingOrders());
        Assert.Empty(ExpectMsg<List<StrategyOrder>>());
        return strategy;
    }
}
