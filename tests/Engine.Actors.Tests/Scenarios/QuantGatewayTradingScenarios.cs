using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios;

public sealed class QuantGatewayTradingScenarios : QuantGatewayScenarioBase
{
    [Fact]
    public async Task Login_ready_reconcile_then_an_order_is_accepted_filled_and_moves_the_balances()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready, s => s.VenueCode == 6);
        var usdt = ExpectReconciledBalance("USDT");
        Assert.Equal(Login, usdt.Login);

        await SetMid(50_000m);
        var sell = SubmitAccepted("sell-1", OrderSide.Sell, 0.01m, 49_000m);
        var filled = ExpectOrderEvent<OrderFilled>(sell.ClientOrderId);
        Assert.True(filled.Quantity > 0m);

        var btc = Assert.Single(Balances().Balances, b => b.Asset == "BTC");
        Assert.Equal(2m - 0.01m, btc.Total);
    }

    [Fact]
    public async Task Bad_strategy_input_is_rejected_locally_and_nothing_reaches_the_venue()
    {
        StartReady();
        await ArmFault(FaultKind.Disconnect, "place_order", 1);

        (SubmitOrder Order, string Expected)[] cases =
        [
            (Limit("negative", OrderSide.Buy, -1m, 40_000m), "quantity"),
            (Limit("unknown-symbol", OrderSide.Buy, 0.01m, 40_000m, symbol: "ETH/USDT"), "unknown symbol"),
            (Limit("off-tick", OrderSide.Buy, 0.01m, 40_000.001m), "tick"),
        ];
        foreach (var (order, expected) in cases)
        {
            Submit(order);
            var rejected = Strategy.FishForMessage<OrderRejected>(r => r.ClientOrderId == order.ClientOrderId, Wait);
            Assert.True(rejected.IsLocal);
            Assert.Contains(expected, rejected.Reason, StringComparison.OrdinalIgnoreCase);
        }

        var armed = Assert.Single(await Control.GetFaultsAsync());
        Assert.Equal(FaultKind.Disconnect, armed.Kind);
        Assert.Equal(1, armed.Count);
    }

    [Fact]
    public async Task A_dropped_place_reply_makes_the_order_unknown_and_its_held_notification_is_attributed_to_it()
    {
        var buy = await SubmitIntoFault(FaultKind.DropReply, "place_order", "resting-1");
        ExpectOrderEvent<OrderSubmitted>(buy.ClientOrderId);
        var unknown = AdvanceUntil<OrderStatusUnknown>(TimeSpan.FromSeconds(1), u => u.ClientOrderId == buy.ClientOrderId);
        Assert.Contains("no reply", unknown.Reason, StringComparison.Ordinal);

        // The gateway's SUBMITTED notification, held while the reply was awaited, names the order by its terms only: once
        // the order is Unknown it is attributed to it, and the order is working again.
        var inferred = ExpectOrderEvent<VenueOrderIdInferred>(buy.ClientOrderId);
        var accepted = ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);
        Assert.Contains("the only candidate", inferred.Reason, StringComparison.Ordinal);
        Assert.Equal(inferred.VenueOrderId, accepted.VenueOrderId);
    }

    [Fact]
    public async Task Notifications_before_the_reply_and_duplicated_are_applied_once()
    {
        var fills = Subscribe(typeof(OrderFilled), typeof(OrderPartiallyFilled));
        await StartReadyAtMid(50_000m);
        await ArmFault(FaultKind.NotifyBeforeReply, "place_order", 1);
        await ArmFault(FaultKind.DuplicateNotification, "fill", 5);
        await ArmFault(FaultKind.DuplicateNotification, "order", 5);

        var sell = SubmitLimit("sell-early", OrderSide.Sell, 0.01m, 49_000m);
        ExpectOrderEvent<OrderFilled>(sell.ClientOrderId);

        var total = 0m;
        while (total < 0.01m)
        {
            total += fills.ExpectMsg<IOrderEvent>(Wait) switch
            {
                OrderFilled f => f.Quantity,
                OrderPartiallyFilled p => p.Quantity,
                _ => 0m,
            };
        }

        Assert.Equal(0.01m, total);
        fills.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task An_exchange_outage_mid_order_goes_not_ready_then_ready_again_and_trading_resumes()
    {
        await StartReadyAtMid(50_000m);
        SubmitAccepted("resting-2", OrderSide.Buy, 0.01m, 45_000m);

        await Control.InjectStateAsync(new StateInjection { Codes = [] });
        ExpectState(ConnectionState.Reconnecting, s => s.VenueCode == 4);
        ExpectState(ConnectionState.Ready, s => s.VenueCode == 6);

        var sell = SubmitLimit("after-outage", OrderSide.Sell, 0.01m, 49_000m);
        ExpectOrderEvent<OrderFilled>(sell.ClientOrderId);

        Assert.Single(OpenOrders().Orders);
    }

    [Fact]
    public void Commands_for_an_unknown_login_are_refused_naming_the_configured_logins()
    {
        StartEngine();
        var order = Limit("nobody-1", OrderSide.Buy, 1m, 1m) with { Login = new LoginId("nobody") };
        Submit(order);
        var rejected = Strategy.ExpectMsg<OrderRejected>();
        Assert.Contains("unknown login 'nobody'", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains(Login.Value, rejected.Reason, StringComparison.Ordinal);

        Strategy.Send(Connections, new QueryBalances(new LoginId("nobody"), UtcNow));
        Assert.Contains("configured logins: qg-1", Strategy.ExpectMsg<QueryFailed>().Reason, StringComparison.Ordinal);
    }
}
