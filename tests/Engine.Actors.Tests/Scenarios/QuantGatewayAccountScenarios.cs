using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios;

public sealed class QuantGatewayAccountScenarios : QuantGatewayScenarioBase
{
    [Fact]
    public async Task Futures_positions_are_reconciled_after_ready_and_pushed_after_a_fill()
    {
        var contract = new Symbol("BTC200925");
        var positions = Subscribe(typeof(PositionChanged));
        StartReady(LoginOptions(platform: "huobi_future", key: "demo-futures", symbols: [contract.Value]));
        var reconciled = positions.FishForMessage<PositionChanged>(p => p.IsReconciliation && p.Position.Symbol == contract, Wait);
        Assert.Equal(0m, reconciled.Position.NetQuantity);

        await SetMid(50_000m, contract);
        var open = OpenLong(Login, "open-long-1", contract, 1m);
        Submit(open);
        Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == open.ClientOrderId && e is OrderFilled or OrderStatusReported { Status: OrderStatus.Filled }, Wait);
        var pushed = positions.FishForMessage<PositionChanged>(p => !p.IsReconciliation && p.Position.Symbol == contract, Wait);
        Assert.Equal(1m, pushed.Position.LongQuantity);
    }

    [Fact]
    public void A_full_request_budget_queues_orders_publishes_the_exhaustion_once_and_sends_them_in_the_next_window()
    {
        var accepted = Subscribe(typeof(OrderAccepted));
        var login = LoginOptions() with { ReconcileInterval = TimeSpan.Zero };
        StartReady(login with { QuantGateway = login.QuantGateway! with { BudgetRequests = 3, BudgetWindow = TimeSpan.FromSeconds(1) } });
        ExpectReconciledBalance();

        var orders = Enumerable.Range(1, 3).Select(i => Limit($"queued-{i}", OrderSide.Buy, 0.01m, 40_000m)).ToList();
        orders.ForEach(Submit);
        var exhausted = Events.FishForMessage<RequestBudgetExhausted>(_ => true, Wait);
        Assert.Equal("REQUESTS 3/1s", exhausted.Window);
        accepted.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Advance(TimeSpan.FromSeconds(1));
        var ids = Enumerable.Range(0, 3).Select(_ => accepted.ExpectMsg<OrderAccepted>(Wait).ClientOrderId).ToHashSet();
        Assert.Equal(orders.Select(o => o.ClientOrderId).ToHashSet(), ids);
    }
}
