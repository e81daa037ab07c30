using Engine.Actors.Connections;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios;

public sealed class QuantGatewayConnectionScenarios : QuantGatewayScenarioBase
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_silent_venue_is_declared_dead_by_the_heartbeat_and_the_login_reconnects_with_backoff()
    {
        var login = LoginOptions() with { ReconcileInterval = TimeSpan.Zero };
        StartReady(login with { QuantGateway = login.QuantGateway! with { IdleTimeout = TimeSpan.FromSeconds(20) } });
        await ArmFault(FaultKind.DropReply, "ping", 0);

        var lost = AdvanceUntilState(ConnectionState.Reconnecting, TimeSpan.FromSeconds(5));
        Assert.Contains("no frame from the venue", lost.VenueText, StringComparison.Ordinal);
        await Control.ClearFaultsAsync();

        AdvanceUntilState(ConnectionState.Ready, Step);
    }

    [Fact]
    public async Task A_socket_lost_while_a_place_is_pending_makes_it_unknown_and_trading_resumes_after_the_reconnect()
    {
        var buy = await SubmitIntoFault(FaultKind.Disconnect, "place_order", "lost-1");
        ExpectState(ConnectionState.Reconnecting);
        var first = Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == buy.ClientOrderId && e is not OrderSubmitted, Wait);
        var unknown = Assert.IsType<OrderStatusUnknown>(first);
        Assert.Contains("connection lost", unknown.Reason, StringComparison.Ordinal);

        AdvanceUntilState(ConnectionState.Ready, Step);

        // The simulator aborted the socket before executing the placement: the venue lists nothing, so the
        // reconciliation after READY cannot prove anything about the order and it stays Unknown (never Rejected).
        Assert.Empty(OpenOrders().Orders);

        SubmitAccepted("after-reconnect", OrderSide.Buy, 0.01m, 45_000m);
    }

    [Fact]
    public void A_fatal_venue_state_stops_the_login_for_good_and_later_commands_are_refused()
    {
        var login = LoginOptions();
        StartEngine(login with { QuantGateway = login.QuantGateway! with { Platform = "binance" } });

        var stopped = ExpectState(ConnectionState.Stopped);
        Assert.True(stopped.IsFatal);
        Assert.Equal(1, stopped.VenueCode);

        AwaitAssert(
            () =>
            {
                SubmitLimit($"after-fatal-{Guid.NewGuid():N}", OrderSide.Buy, 0.01m, 45_000m);
                var rejected = Strategy.ExpectMsg<OrderRejected>(TimeSpan.FromMilliseconds(300));
                Assert.Contains("stopped", rejected.Reason, StringComparison.Ordinal);
            },
            Wait);
        Advance(TimeSpan.FromMinutes(5));
        States.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Drain_cancels_the_working_orders_logs_out_and_answers_once()
    {
        await StartReadyAtMid(50_000m);
        var buy = SubmitAccepted("drain-1", OrderSide.Buy, 0.01m, 45_000m);

        var drained = Ask<ConnectionsDrained>(new DrainConnections(CancelWorkingOrders: true));
        Assert.True(drained.Drained.SequenceEqual([Login]), $"drained {string.Join(",", drained.Drained)}; not drained {string.Join(",", drained.NotDrained)}");
        Assert.Empty(drained.NotDrained);
        ExpectOrderEvent<OrderCanceled>(buy.ClientOrderId);
        ExpectState(ConnectionState.Stopped, s => !s.IsFatal);
    }

    [Fact]
    public async Task An_engine_restart_recovers_the_orders_from_the_journal_and_reconciles_nothing_lost_nothing_doubled()
    {
        var fills = Subscribe(typeof(OrderFilled));
        await StartReadyAtMid(50_000m);
        var buy = SubmitAccepted("survivor-1", OrderSide.Buy, 0.01m, 45_000m);

        StopEngine();
        StartEngine();
        AdvanceUntilState(ConnectionState.Ready, Step);

        Submit(buy with { Timestamp = UtcNow });
        var duplicate = Strategy.FishForMessage<OrderRejected>(r => r.ClientOrderId == buy.ClientOrderId, Wait);
        Assert.Contains("already used", duplicate.Reason, StringComparison.Ordinal);

        await SetMid(44_000m);
        var filled = fills.ExpectMsg<OrderFilled>(f => f.ClientOrderId == buy.ClientOrderId, Wait);
        Assert.Equal(0.01m, filled.Quantity);
        fills.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        var open = OpenOrders().Orders;
        Assert.True(open.IsEmpty, string.Join("; ", open));
    }
}
