using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios;

public sealed class QuantGatewayAccountScenarios : QuantGatewayScenarioBase
{
    [Fact]
    public async Task Futures_positions_are_reconciled_after_ready_and_pushed_after_a_fill()
    {
        var contract = new Symbol("BTC200925");
        var positions = CreateTestProbe();
        Sys.EventStream.Subscribe(positions.Ref, typeof(PositionChanged));
        StartEngine(LoginOptions(platform: "huobi_future", key: "demo-futures", symbols: [contract.Value]));
        ExpectState(ConnectionState.Ready);
        var reconciled = positions.FishForMessage<PositionChanged>(p => p.IsReconciliation && p.Position.Symbol == contract, Wait);
        Assert.Equal(0m, reconciled.Position.NetQuantity);

        await Control.MarketAsync(new MarketCommand { Symbol = contract.Value, Mid = 50_000m });
        var open = new SubmitOrder(Login, new ClientOrderId("open-long-1"), Time.GetUtcNow(), contract, OrderSide.Buy, OrderType.Market, 1m, null, Offset: OffsetFlag.Open);
        Submit(open);
        Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == open.ClientOrderId && e is OrderFilled or OrderStatusReported { Status: OrderStatus.Filled }, Wait);
        var pushed = positions.FishForMessage<PositionChanged>(p => !p.IsReconciliation && p.Position.Symbol == contract, Wait);
        Assert.Equal(1m, pushed.Position.LongQuantity);
    }

    [Fact]
    public void A_full_request_budget_queues_orders_publishes_the_exhaustion_once_and_sends_them_in_the_next_window()
    {
        var accepted = CreateTestProbe();
        Sys.EventStream.Subscribe(accepted.Ref, typeof(OrderAccepted));
        var login = LoginOptions() with { ReconcileInterval = TimeSpan.Zero };
        StartEngine(login with { QuantGateway = login.QuantGateway! with { BudgetRequests = 3, BudgetWindow = TimeSpan.FromSeconds(1) } });
        ExpectState(ConnectionState.Ready);
        Events.FishForMessage<BalanceChanged>(b => b.IsReconciliation, Wait);

        var orders = Enumerable.Range(1, 3).Select(i => Limit($"queued-{i}", OrderSide.Buy, 0.01m, 40_000m)).ToList();
        orders.ForEach(Submit);
        var exhausted = Events.FishForMessage<RequestBudgetExhausted>(null, Wait);
        Assert.Equal("REQUESTS 3/1s", exhausted.Window);
        accepted.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Advance(TimeSpan.FromSeconds(1));
        var ids = Enumerable.Range(0, 3).Select(_ => accepted.ExpectMsg<OrderAccepted>(predicate: null, timeout: Wait).ClientOrderId).ToHashSet();
        Assert.Equal(orders.Select(o => o.ClientOrderId).ToHashSet(), ids);
    }
}
