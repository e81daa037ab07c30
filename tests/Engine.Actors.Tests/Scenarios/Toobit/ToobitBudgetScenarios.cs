using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using SimOptions = Engine.Simulator.Venues.Toobit.ToobitOptions;

namespace Engine.Actors.Tests.Scenarios.Toobit;

/// <summary>The budget takes the limits the venue publishes in <c>exchangeInfo.rateLimits</c> over the configured ones.</summary>
public sealed class ToobitBudgetScenarios : ToobitScenarioBase
{
    /// <summary>The venue publishes (and enforces) ORDERS 2 per 60 SECOND; the login is configured with the documented 60.</summary>
    protected override SimOptions SimulatorVenueOptions => new() { OrdersPerInterval = 2, OrderIntervalSeconds = 60 };

    [Fact]
    public async Task The_order_rate_exchangeInfo_publishes_replaces_the_configured_one_and_queues_instead_of_a_429()
    {
        Assert.Contains(LoginOptions().Toobit!.BudgetWindows, w => w.ToString() == "ORDERS 60/1min");
        var exhausted = Subscribe(typeof(RequestBudgetExhausted));
        await StartReadyAtMid(50_000m);

        SubmitAccepted("rate-1", OrderSide.Buy, 0.01m, 45_000m);
        SubmitAccepted("rate-2", OrderSide.Buy, 0.01m, 45_000m);
        var third = SubmitLimit("rate-3", OrderSide.Buy, 0.01m, 45_000m);

        var blocked = exhausted.ExpectMsg<RequestBudgetExhausted>(Wait);
        Assert.Equal("ORDERS 2/1min", blocked.Window);

        var outcome = AdvanceUntil<IOrderEvent>(TimeSpan.FromSeconds(5), e => e.ClientOrderId == third.ClientOrderId && e is OrderAccepted or OrderRejected or OrderStatusUnknown);
        Assert.IsType<OrderAccepted>(outcome);
        Assert.Equal(3, OpenOrders().Orders.Length);
    }
}
