using Akka.TestKit;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using SimOptions = Engine.Simulator.Venues.Binance.BinanceOptions;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>The simulator and the adapter share a tight ORDERS limit; the adapter must queue, never earn a 429.</summary>
public sealed class BinanceRateLimitScenarios : BinanceScenarioBase
{
    private const int OrdersPerTenSeconds = 10;

    protected override SimOptions SimulatorVenueOptions => new() { RateLimits = new() { OrdersPerTenSeconds = OrdersPerTenSeconds } };

    [Fact]
    public async Task Many_orders_at_once_are_queued_under_the_limits_and_none_is_refused()
    {
        var outcomes = Subscribe(typeof(OrderAccepted), typeof(OrderRejected), typeof(OrderStatusUnknown));
        var exhausted = Subscribe(typeof(RequestBudgetExhausted));
        await StartReadyAtMid(50_000m, LoginOptions(ordersPerTenSeconds: OrdersPerTenSeconds));

        const int total = (OrdersPerTenSeconds * 2) + 5;
        for (var i = 0; i < total; i++)
        {
            Submit(Limit($"burst-{i}", OrderSide.Buy, 0.001m, 40_000m + i));
        }

        var accepted = new HashSet<string>(StringComparer.Ordinal);
        while (accepted.Count < OrdersPerTenSeconds)
        {
            accepted.Add(outcomes.ExpectMsg<OrderAccepted>(Wait).ClientOrderId.Value);
        }

        outcomes.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.StartsWith("ORDERS", exhausted.ExpectMsg<RequestBudgetExhausted>(Wait).Window, StringComparison.Ordinal);

        for (var step = 0; step < 60 && accepted.Count < total; step++)
        {
            Advance(TimeSpan.FromSeconds(1));
            while (NextOutcome(outcomes) is { } outcome)
            {
                accepted.Add(Assert.IsType<OrderAccepted>(outcome).ClientOrderId.Value);
            }
        }

        Assert.Equal(total, accepted.Count);
    }

    /// <summary>The next outcome, or null when none arrives within 300 ms.</summary>
    private static object? NextOutcome(TestProbe probe) => probe.ReceiveOne(TimeSpan.FromMilliseconds(300));
}
