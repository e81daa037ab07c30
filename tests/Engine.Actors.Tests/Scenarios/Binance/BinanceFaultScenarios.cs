using System.Net.WebSockets;
using System.Text;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios.Binance;

public sealed class BinanceFaultScenarios : BinanceScenarioBase
{
    [Fact]
    public async Task A_429_pauses_sending_until_retry_after_then_queued_orders_go()
    {
        var accepted = CreateTestProbe();
        Sys.EventStream.Subscribe(accepted.Ref, typeof(OrderAccepted));
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.RateLimit, Op = "order.place", Count = 1 });

        var first = Limit("limited-1", OrderSide.Buy, 0.01m, 45_000m);
        Submit(first);
        var rejected = ExpectOrderEvent<OrderRejected>(first.ClientOrderId);
        Assert.Contains("429", rejected.Reason, StringComparison.Ordinal);

        var second = Limit("after-pause", OrderSide.Buy, 0.01m, 45_000m);
        Submit(second);
        ExpectOrderEvent<OrderSubmitted>(second.ClientOrderId);
        accepted.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        var resumed = AdvanceUntil<OrderAccepted>(TimeSpan.FromSeconds(5), a => a.ClientOrderId == second.ClientOrderId, probe: accepted);
        Assert.Equal(second.ClientOrderId, resumed.ClientOrderId);
        Strategy.Send(Connections, new QueryBalances(Login, Time.GetUtcNow()));
        Assert.IsType<BalancesReply>(Strategy.FishForMessage<object>(m => m is BalancesReply or QueryFailed, Wait));
    }

    [Fact]
    public async Task A_418_ban_stops_the_login_naming_the_ban_end()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.RateLimit, Op = "order.place", Count = 1 });
        var first = Limit("limited-2", OrderSide.Buy, 0.01m, 45_000m);
        Submit(first);
        ExpectOrderEvent<OrderRejected>(first.ClientOrderId);

        // Another client on the same IP ignores the 429: the simulator bans the IP for every connection.
        await SendRawPing();

        var queued = Limit("during-ban", OrderSide.Buy, 0.01m, 45_000m);
        Submit(queued);
        var stopped = AdvanceUntil<ConnectionStateChanged>(TimeSpan.FromSeconds(5), s => s.Login == Login && s.State == ConnectionState.Stopped, probe: States);
        Assert.True(stopped.IsFatal);
        Assert.Equal(418, stopped.VenueCode);
        Assert.Matches(@"banned by Binance until 2026-01-01T00:0\d:\d\d\.\d{3}Z", stopped.VenueText);
    }

    [Fact]
    public async Task An_unknown_outcome_is_resolved_to_the_real_state()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcome, Op = "order.place", Count = 1 });

        var buy = Limit("unknown-1", OrderSide.Buy, 0.01m, 45_000m);
        Submit(buy);
        var unknown = ExpectOrderEvent<OrderStatusUnknown>(buy.ClientOrderId);
        Assert.Contains("-1007", unknown.Reason, StringComparison.Ordinal);
        var reconciled = ExpectOrderEvent<OrderReconciled>(buy.ClientOrderId);
        Assert.Equal(OrderStatus.Accepted, reconciled.Status);

        Strategy.Send(Connections, new CancelOrder(Login, buy.ClientOrderId, Time.GetUtcNow()));
        ExpectOrderEvent<OrderCanceled>(buy.ClientOrderId);
    }

    [Fact]
    public async Task Server_shutdown_reconnects_reconciles_and_events_keep_flowing()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        var buy = Limit("across-shutdown", OrderSide.Buy, 0.01m, 49_000m);
        Submit(buy);
        ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);

        await Control.InjectStateAsync(new StateInjection { Codes = [1] });
        var lost = ExpectState(ConnectionState.Reconnecting);
        Assert.Contains("serverShutdown", lost.VenueText, StringComparison.Ordinal);
        AdvanceUntil<ConnectionStateChanged>(TimeSpan.FromMilliseconds(500), s => s.Login == Login && s.State == ConnectionState.Ready, probe: States);
        Events.FishForMessage<BalanceChanged>(b => b.IsReconciliation && b.Balance.Asset == "USDT", Wait);

        await SetMid(48_000m);
        var filled = ExpectOrderEvent<OrderFilled>(buy.ClientOrderId);
        Assert.Equal(49_000m, filled.Price);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_and_nothing_is_lost_or_doubled()
    {
        var fills = CreateTestProbe();
        Sys.EventStream.Subscribe(fills.Ref, typeof(OrderFilled));
        Sys.EventStream.Subscribe(fills.Ref, typeof(OrderPartiallyFilled));
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        var buy = Limit("across-drop", OrderSide.Buy, 0.01m, 49_000m);
        Submit(buy);
        ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);

        await Control.InjectStateAsync(new StateInjection { Codes = [3] });
        ExpectState(ConnectionState.Reconnecting);
        AdvanceUntil<ConnectionStateChanged>(TimeSpan.FromMilliseconds(500), s => s.Login == Login && s.State == ConnectionState.Ready, probe: States);

        Strategy.Send(Connections, new QueryOpenOrders(Login, Btc, Time.GetUtcNow()));
        var open = Strategy.FishForMessage<OpenOrdersReply>(null, Wait);
        Assert.Equal(buy.ClientOrderId, Assert.Single(open.Orders).ClientOrderId);

        await SetMid(48_000m);
        var fill = fills.ExpectMsg<OrderFilled>(timeout: Wait);
        Assert.Equal(0.01m, fill.Quantity);
        fills.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    private async Task SendRawPing()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(Simulator.WebSocketUri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"id":"raw-1","method":"ping"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Contains("\"status\":418", Encoding.UTF8.GetString(buffer, 0, received.Count), StringComparison.Ordinal);
    }
}
