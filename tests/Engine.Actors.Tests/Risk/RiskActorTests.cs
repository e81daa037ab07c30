using Akka.Actor;
using Akka.TestKit;
using Engine.Actors.Risk;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;
using Engine.TestKit;

namespace Engine.Actors.Tests.Risk;

/// <summary>
/// The risk actor on virtual time with Akka's in-memory journal: operator commands, every automatic trigger, the
/// journal surviving a restart. Order events are published on the event stream as the order books publish them;
/// <see cref="Connections"/> stands in for the connections actor and receives the cancels.
/// </summary>
public sealed class RiskActorTests : EngineTestKit
{
    private static readonly LoginId Demo = new("demo");
    private static readonly Symbol Btc = new("BTC");
    private int _incarnation;

    public RiskActorTests()
    {
        Connections = CreateTestProbe("connections");
        Changes = CreateTestProbe("changes");
        Sys.EventStream.Subscribe(Changes.Ref, typeof(TradingStateChanged));
    }

    private TestProbe Connections { get; }

    private TestProbe Changes { get; }

    private IActorRef Risk { get; set; } = ActorRefs.Nobody;

    [Fact]
    public void An_operator_halt_is_journaled_cancels_the_login_s_orders_and_survives_a_restart()
    {
        Start(new RiskOptions());

        Risk.Tell(new SetTradingState(RiskScope.OfLogin("demo"), TradingState.Halted, UtcNow, "api", "operator test"), TestActor);

        var changed = ExpectMsg<TradingStateChanged>();
        Assert.Equal((TradingState.Active, TradingState.Halted, "api", "operator test", true), (changed.From, changed.To, changed.By, changed.Cause, changed.CancelWorkingOrders));
        Assert.Equal(changed, Changes.ExpectMsg<TradingStateChanged>());
        Assert.Equal(Demo, Connections.ExpectMsg<CancelAllOrders>().Login);

        Risk.Tell(new SetTradingState(RiskScope.OfLogin("demo"), TradingState.Halted, UtcNow, "cli", "again"), TestActor);
        ExpectMsg<TradingStateUnchanged>();

        Restart(new RiskOptions());
        var status = Status();
        var login = Assert.Single(status.Scopes, s => s.Scope == "login:demo");
        Assert.Equal(TradingState.Halted, login.State);
        Assert.Equal("operator test", login.LastChange!.Cause);
        Assert.Equal(TradingState.Active, Assert.Single(status.Scopes, s => s.Scope == "engine").State);
    }

    [Fact]
    public void A_halt_without_cancel_and_a_resume_send_no_cancels_and_a_symbol_has_no_state()
    {
        Start(new RiskOptions { HaltCancelsWorkingOrders = false });

        Risk.Tell(new SetTradingState(RiskScope.Engine, TradingState.Halted, UtcNow, "cli", "pause"), TestActor);
        Assert.False(ExpectMsg<TradingStateChanged>().CancelWorkingOrders);
        Risk.Tell(new SetTradingState(RiskScope.Engine, TradingState.Active, UtcNow, "cli", "go"), TestActor);
        Assert.Equal(TradingState.Active, ExpectMsg<TradingStateChanged>().To);
        Risk.Tell(new SetTradingState(RiskScope.OfSymbol("BTC"), TradingState.Halted, UtcNow, "cli", "no"), TestActor);
        Assert.Contains("no trading state", ExpectMsg<TradingStateUnchanged>().Error, StringComparison.Ordinal);

        Connections.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void The_daily_loss_of_a_strategy_halts_it_and_cancels_only_its_working_orders()
    {
        Start(new RiskOptions { Strategies = [new RiskLimits { Name = "mm", MaxDailyLoss = 50m }] });
        var buy = Submitted("mm-a-1", OrderSide.Buy);
        var sell = Submitted("mm-a-2", OrderSide.Sell);
        var resting = Submitted("mm-a-3", OrderSide.Buy);
        var other = Submitted("other-a-1", OrderSide.Buy);
        Publish(buy, sell, resting, other, Fill(buy, 100m));

        Publish(Fill(sell, 60m)); // loss 40: below the limit
        Changes.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(-40m, Assert.Single(Status().Scopes, s => s.Scope == "strategy:mm").DailyPnl);

        var second = Submitted("mm-a-4", OrderSide.Buy);
        var third = Submitted("mm-a-5", OrderSide.Sell);
        Publish(second, third, Fill(second, 100m), Fill(third, 89m)); // loss 51

        var halt = Changes.ExpectMsg<TradingStateChanged>();
        Assert.Equal((RiskScope.OfStrategy("mm"), TradingState.Halted, RiskActor.TriggerActor), (halt.Scope, halt.To, halt.By));
        Assert.Contains("max-daily-loss", halt.Cause, StringComparison.Ordinal);
        Assert.Contains("51", halt.Cause, StringComparison.Ordinal);
        Assert.Equal(resting.ClientOrderId, Connections.ExpectMsg<CancelOrder>().ClientOrderId);
        Connections.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Venue_rejections_in_a_row_halt_the_login_and_an_acceptance_resets_the_count()
    {
        Start(new RiskOptions { MaxConsecutiveRejects = 3 });
        Publish(Rejected("x-1-1"), Rejected("x-1-2"), new OrderAccepted(Demo, new ClientOrderId("x-1-3"), UtcNow, new VenueOrderId("v")));
        Publish(Rejected("x-1-4"), Rejected("x-1-5"), new OrderRejected(Demo, new ClientOrderId("x-1-6"), UtcNow, "local", IsLocal: true));
        Changes.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Publish(Rejected("x-1-7"));

        var halt = Changes.ExpectMsg<TradingStateChanged>();
        Assert.Equal((RiskScope.OfLogin("demo"), TradingState.Halted), (halt.Scope, halt.To));
        Assert.Contains("3 orders in a row", halt.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_non_ready_past_the_limit_is_halted_on_virtual_time_and_a_recovery_in_time_stops_the_clock()
    {
        Start(new RiskOptions { LoginNotReadyHaltAfter = TimeSpan.FromSeconds(30) });
        var other = new LoginId("other");
        Publish(new ConnectionStateChanged(Demo, UtcNow, ConnectionState.Reconnecting), new ConnectionStateChanged(other, UtcNow, ConnectionState.Connecting));
        Status();

        Advance(TimeSpan.FromSeconds(20));
        Publish(new ConnectionStateChanged(other, UtcNow, ConnectionState.Ready), new ConnectionStateChanged(Demo, UtcNow, ConnectionState.Connecting));
        Status();
        Advance(TimeSpan.FromSeconds(9));
        Changes.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Advance(TimeSpan.FromSeconds(2));

        var halt = Changes.ExpectMsg<TradingStateChanged>();
        Assert.Equal((RiskScope.OfLogin("demo"), TradingState.Halted), (halt.Scope, halt.To));
        Assert.Contains("login-not-ready", halt.Cause, StringComparison.Ordinal);
        Advance(TimeSpan.FromMinutes(5));
        Changes.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TradingState.Active, Status().Scopes.FirstOrDefault(s => s.Scope == "login:other")?.State ?? TradingState.Active);
    }

    private void Start(RiskOptions options)
    {
        Risk = Sys.ActorOf(RiskActor.Props(options, Connections.Ref.Path.ToStringWithoutAddress()), $"risk-{++_incarnation}");
        Status();
    }

    private void Restart(RiskOptions options)
    {
        Watch(Risk);
        Sys.Stop(Risk);
        ExpectTerminated(Risk);
        Start(options);
    }

    private RiskStatus Status()
    {
        Risk.Tell(GetRiskStatus.Instance, TestActor);
        return ExpectMsg<RiskStatus>();
    }

    private void Publish(params object[] events)
    {
        foreach (var e in events)
        {
            Sys.EventStream.Publish(e);
        }
    }

    private OrderSubmitted Submitted(string id, OrderSide side) =>
        new(Demo, new ClientOrderId(id), UtcNow, Btc, side, OrderType.Limit, 1m, 100m);

    private OrderFilled Fill(OrderSubmitted order, decimal price) =>
        new(Demo, order.ClientOrderId, UtcNow, new VenueOrderId("v-" + order.ClientOrderId.Value), new FillId("f-" + order.ClientOrderId.Value), price, order.Quantity);

    private OrderRejected Rejected(string id) => new(Demo, new ClientOrderId(id), UtcNow, "venue says no");
}
