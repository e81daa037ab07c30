using Akka.Actor;
using Engine.Actors.Risk;
using Engine.Actors.Tests.Scenarios;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Tests.Risk;

/// <summary>
/// A runaway strategy (it submits in a loop, without waiting for answers) against the real connection tree and the
/// quant gateway simulator over loopback, with the risk actor in place: the order-rate limit lets exactly its quota
/// through, the kill switch then halts the engine and cancels what is working, and nothing past either limit reaches
/// the venue, as the venue's own open-orders list shows.
/// </summary>
public sealed class RunawayStrategyScenario : QuantGatewayScenarioBase
{
    private const int Quota = 5;

    [Fact]
    public async Task A_runaway_strategy_is_stopped_by_the_order_rate_limit_then_by_the_kill_switch()
    {
        var risk = Sys.ActorOf(
            RiskActor.Props(
                new RiskOptions { Strategies = [new RiskLimits { Name = "runaway", MaxOrders = Quota, RateWindow = TimeSpan.FromSeconds(1) }] },
                "/user/connections-1",
                journalPluginId: "akka.persistence.journal.inmem"),
            RiskActor.Name);
        await StartReadyAtMid(50_000m);

        var burst = Loop(from: 1, count: 40);

        var refused = Enumerable.Range(0, burst.Count - Quota).Select(_ => Strategy.ExpectMsg<OrderRejected>(Wait)).ToList();
        Assert.All(refused, r => Assert.Equal((RiskRules.MaxOrderRate, "strategy:runaway", true), (r.Breach?.Rule, r.Breach?.Scope, r.IsLocal)));
        var passed = burst.Select(o => o.ClientOrderId).Except(refused.Select(r => r.ClientOrderId)).ToHashSet();
        Assert.Equal(Quota, passed.Count);
        foreach (var id in passed)
        {
            ExpectOrderEvent<OrderAccepted>(id);
        }

        Assert.Equal(Quota, OpenOrders().Orders.Length);

        var halt = await risk.Ask<TradingStateChanged>(new SetTradingState(RiskScope.Engine, TradingState.Halted, UtcNow, "test", "kill switch", CancelWorkingOrders: true), Wait);
        Assert.True(halt.CancelWorkingOrders);
        foreach (var id in passed)
        {
            ExpectOrderEvent<OrderCanceled>(id);
        }

        Advance(TimeSpan.FromSeconds(2));
        var afterHalt = Loop(from: 100, count: 10);
        Assert.All(afterHalt, _ => Assert.Equal(RiskRules.Halted, Strategy.ExpectMsg<OrderRejected>(Wait).Breach?.Rule));

        Assert.Empty(OpenOrders().Orders);
    }

    /// <summary>What the runaway strategy does: submit resting buys as fast as it can, never waiting for an answer.</summary>
    private List<SubmitOrder> Loop(int from, int count)
    {
        var orders = Enumerable.Range(from, count).Select(i => Limit($"runaway-lq2x1a-{i}", OrderSide.Buy, 0.01m, 45_000m)).ToList();
        orders.ForEach(Submit);
        return orders;
    }
}
