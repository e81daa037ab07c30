using Akka.Actor;
using Akka.Streams.Dsl;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Risk;
using Engine.Actors.Tests.Orders.Actor;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Tests.Risk;

/// <summary>
/// The order book with the risk actor at <see cref="RiskActor.Path"/>: a breach is journaled as a local rejection carrying
/// the rule and the numbers, nothing is sent, and trading states reach the book.
/// </summary>
public sealed class OrderBookRiskTests : OrderBookActorTestBase
{
    private IActorRef _risk = ActorRefs.Nobody;

    [Fact]
    public void A_breach_is_journaled_as_a_local_rejection_with_the_rule_and_nothing_is_sent()
    {
        StartWithRisk(new RiskOptions { Logins = [new RiskLimits { Name = Login.Value, MaxOrderQuantity = 2m, MaxOpenOrders = 2 }] });

        Tell(Limit("mm-a-1", quantity: 3m));

        var rejected = Strategy.ExpectMsg<OrderRejected>();
        Assert.True(rejected.IsLocal);
        Assert.Equal(new RiskBreach(RiskRules.MaxOrderQuantity, "login:qg-1", 2m, 3m, rejected.Breach!.Detail), rejected.Breach);
        Assert.Contains("max-order-quantity", rejected.Reason, StringComparison.Ordinal);
        Assert.Collection(
            Journal(),
            e => Assert.Equal(new ClientOrderId("mm-a-1"), Assert.IsType<OrderSubmitted>(e).ClientOrderId),
            e => Assert.Equal(rejected, e));
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        ExpectLocalRejectionPublished();

        Submit("mm-a-2");
        Submit("mm-a-3");
        Tell(Limit("mm-a-4"));
        Assert.Equal(RiskRules.MaxOpenOrders, Strategy.ExpectMsg<OrderRejected>().Breach!.Rule);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_halted_strategy_is_refused_while_another_trades_and_reducing_lets_only_a_reduction_through()
    {
        StartWithRisk(new RiskOptions());
        Place("mm-a-1", "v-1", quantity: 2m);
        Report(FillReport("v-1", "f-1", 2m));
        Events.FishForMessage<IOrderEvent>(e => e is OrderFilled);
        Orders();

        SetState(RiskScope.OfStrategy("mm"), TradingState.Halted);
        Tell(Limit("mm-a-2"));
        var refused = Strategy.ExpectMsg<OrderRejected>();
        Assert.Equal((RiskRules.Halted, "strategy:mm"), (refused.Breach!.Rule, refused.Breach.Scope));
        ExpectLocalRejectionPublished();
        Submit("other-a-1");

        SetState(RiskScope.OfStrategy("mm"), TradingState.Reducing);
        Tell(Limit("mm-a-3", quantity: 1m));
        Assert.Equal(RiskRules.ReduceOnly, Strategy.ExpectMsg<OrderRejected>().Breach!.Rule);
        ExpectLocalRejectionPublished();
        Tell(Limit("mm-a-4", quantity: 1m, side: OrderSide.Sell));
        Connection.ExpectMsg<SendPlace>(p => p.Order.ClientOrderId.Value == "mm-a-4");
    }

    [Fact]
    public void Orders_sent_before_the_risk_actor_answered_wait_for_its_limits_and_are_then_checked_in_arrival_order()
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new RiskOptions { Logins = [new RiskLimits { Name = Login.Value, MaxOrderQuantity = 2m }] };

        // The risk actor exists but answers nothing until its (held) catch-up from the journal ends.
        _risk = Sys.ActorOf(
            RiskActor.Props(options, Connection.Ref.Path.ToStringWithoutAddress(), null, "akka.persistence.journal.inmem", _ => Source.FromTask(release.Task).ConcatMany(_ => Source.Empty<IEngineEvent>())),
            RiskActor.Name);
        StartBook();

        Tell(Limit("mm-a-1", quantity: 3m));
        Tell(Limit("mm-a-2", quantity: 1m));
        Tell(new CancelOrder(Login, new ClientOrderId("mm-a-2"), Now));
        Strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Empty(Orders().Orders);
        Assert.Empty(Journal());

        release.SetResult(true);

        Assert.Equal(RiskRules.MaxOrderQuantity, Strategy.ExpectMsg<OrderRejected>().Breach!.Rule);
        Assert.Equal("mm-a-2", Connection.ExpectMsg<SendPlace>().Order.ClientOrderId.Value);
        Orders();
        Assert.Equal(new ClientOrderId("mm-a-2"), Assert.IsType<OrderCancelRequested>(Journal().Last()).ClientOrderId);
    }

    [Fact]
    public void A_gate_without_limits_yet_refuses_what_it_is_asked_to_check()
    {
        var breach = RiskGate.For(Login).Check(Limit("mm-a-1"), Now);

        Assert.Equal((RiskRules.NotReady, "login:qg-1"), (breach?.Rule, breach?.Scope));
    }

    [Fact]
    public void Without_a_risk_actor_in_the_system_the_book_trades_on_the_symbol_rules_alone()
    {
        StartBook();

        Submit("mm-a-1", quantity: 1000m);
        Assert.Equal(OrderStatus.Submitted, Order("mm-a-1").Status);
    }

    private void ExpectLocalRejectionPublished()
    {
        Events.ExpectMsg<OrderSubmitted>();
        Assert.True(Events.ExpectMsg<OrderRejected>().IsLocal);
    }

    private void StartWithRisk(RiskOptions options)
    {
        _risk = Sys.ActorOf(RiskActor.Props(options, Connection.Ref.Path.ToStringWithoutAddress(), journalPluginId: "akka.persistence.journal.inmem"), RiskActor.Name);
        StartBook();

        // The book subscribed while it was created; once the risk actor has answered a later question, the snapshot is
        // in the book's mailbox ahead of anything sent from here on.
        _risk.Ask<RiskStatus>(GetRiskStatus.Instance, Patience).Wait(Patience);
        Orders();
    }

    private void SetState(RiskScope scope, TradingState state)
    {
        _risk.Ask<TradingStateChanged>(new SetTradingState(scope, state, Now, "test", "test", CancelWorkingOrders: false), Patience).Wait(Patience);
    }
}
