using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios.Toobit;

/// <summary>5xx outcomes resolved by query, stream loss with reconnect and reconciliation, and 429 back-off.</summary>
public sealed class ToobitFaultScenarios : ToobitScenarioBase
{
    private const string PlaceOp = "POST /api/v1/spot/order";

    [Fact]
    public async Task A_5xx_on_an_executed_order_makes_it_unknown_then_the_query_by_client_id_finds_it()
    {
        var order = await SubmitIntoFault(FaultKind.UnknownOutcome, PlaceOp, "five-hundred");
        // The 500 and the stream's NEW race to the book: the order is Unknown first and then resolved (by the query or
        // the push), or accepted first (then the late unknown outcome is ignored). Either way it ends open, never rejected.
        var first = Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == order.ClientOrderId && e is OrderStatusUnknown or OrderAccepted or OrderRejected, Wait);
        Assert.IsNotType<OrderRejected>(first);
        if (first is OrderStatusUnknown unknown)
        {
            Assert.Contains("500", unknown.Reason, StringComparison.Ordinal);
            var resolved = Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == order.ClientOrderId && e is OrderAccepted or OrderReconciled or OrderRejected, Wait);
            Assert.True(resolved is OrderAccepted or OrderReconciled { Status: OrderStatus.Accepted }, $"resolved as {resolved}");
        }

        var open = Assert.Single(OpenOrders().Orders);
        Assert.Equal(order.ClientOrderId, open.ClientOrderId);
    }

    [Fact]
    public async Task A_5xx_on_an_order_that_never_executed_is_resolved_as_not_at_the_venue()
    {
        var order = await SubmitIntoFault(FaultKind.UnknownOutcomeNotExecuted, PlaceOp, "never-there");
        Assert.Contains("503", ExpectOrderEvent<OrderStatusUnknown>(order.ClientOrderId).Reason, StringComparison.Ordinal);
        var rejected = ExpectOrderEvent<OrderRejected>(order.ClientOrderId);
        Assert.Contains(OrderStatusResolver.NotFoundReason, rejected.Reason, StringComparison.Ordinal);

        var next = SubmitAccepted("after", OrderSide.Buy, 0.01m, 45_000m);
        Assert.Equal("after", next.ClientOrderId.Value);
    }

    [Theory]
    [InlineData(1)] // the venue closes the stream
    [InlineData(2)] // the stream is aborted without a close handshake
    [InlineData(3)] // the listen key is revoked (its stream closes, the next keep-alive would get -1125)
    public async Task A_lost_stream_reconnects_and_reconciles_a_fill_missed_while_it_was_down(int code)
    {
        await StartReadyAtMid(50_000m);
        var order = SubmitAccepted("missed-fill", OrderSide.Buy, 0.01m, 49_000m);

        await Control.InjectStateAsync(new StateInjection { Codes = [code] });
        ExpectState(ConnectionState.Reconnecting);
        await SetMid(48_000m);

        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromSeconds(1));
        var settled = Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == order.ClientOrderId && e is OrderFilled or OrderReconciled { Status: OrderStatus.Filled }, Wait);
        Assert.NotNull(settled);
        Assert.Empty(OpenOrders().Orders);
    }

    [Fact]
    public async Task A_429_pauses_the_budget_and_the_order_goes_through_after_retry_after()
    {
        await StartReadyAtMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.RateLimit, Op = PlaceOp, Count = 1, DelayMs = 3000 });
        var order = SubmitLimit("after-429", OrderSide.Buy, 0.01m, 45_000m);

        var accepted = AdvanceUntil<IOrderEvent>(TimeSpan.FromSeconds(1), e => e.ClientOrderId == order.ClientOrderId && e is OrderAccepted or OrderRejected);
        Assert.IsType<OrderAccepted>(accepted);
        Assert.Equal(order.ClientOrderId, Assert.Single(OpenOrders().Orders).ClientOrderId);
    }

    [Fact]
    public void A_wrong_secret_stops_the_login_for_good_without_leaking_it()
    {
        var login = LoginOptions() with { Toobit = LoginOptions().Toobit! with { Secret = "not-the-secret" } };
        StartEngine(login);
        var stopped = ExpectState(ConnectionState.Stopped);
        Assert.True(stopped.IsFatal);
        Assert.Contains("-1022", stopped.VenueText, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", stopped.VenueText, StringComparison.Ordinal);
    }
}
