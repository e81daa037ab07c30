using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
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
        var accepted = Subscribe(typeof(OrderAccepted));
        var first = await SubmitIntoFault(FaultKind.RateLimit, "order.place", "limited-1");
        var rejected = ExpectOrderEvent<OrderRejected>(first.ClientOrderId);
        Assert.Contains("429", rejected.Reason, StringComparison.Ordinal);

        var second = SubmitLimit("after-pause", OrderSide.Buy, 0.01m, 45_000m);
        ExpectOrderEvent<OrderSubmitted>(second.ClientOrderId);
        accepted.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        var resumed = AdvanceUntil<OrderAccepted>(TimeSpan.FromSeconds(5), a => a.ClientOrderId == second.ClientOrderId, probe: accepted);
        Assert.Equal(second.ClientOrderId, resumed.ClientOrderId);
        Assert.IsType<BalancesReply>(Ask<object>(new QueryBalances(Login, UtcNow), m => m is BalancesReply or QueryFailed));
    }

    [Fact]
    public async Task A_418_ban_stops_the_login_naming_the_ban_end()
    {
        var start = UtcNow;
        var first = await SubmitIntoFault(FaultKind.RateLimit, "order.place", "limited-2");
        ExpectOrderEvent<OrderRejected>(first.ClientOrderId);

        // Another client on the same IP ignores the 429: the simulator bans the IP for every connection.
        await SendRawPing();

        SubmitLimit("during-ban", OrderSide.Buy, 0.01m, 45_000m);
        var stopped = AdvanceUntilState(ConnectionState.Stopped, TimeSpan.FromSeconds(5));
        Assert.True(stopped.IsFatal);
        Assert.Equal(418, stopped.VenueCode);

        // Akka's TestScheduler starts the virtual clock at the system's start (the wall time then), so the ban end is
        // checked against that start: an ISO-8601 UTC instant with milliseconds, less than ten virtual minutes in.
        var until = Regex.Match(stopped.VenueText ?? string.Empty, @"banned by Binance until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
        Assert.True(until.Success, stopped.VenueText);
        var end = DateTimeOffset.Parse(until.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(end, start.AddMilliseconds(-1), start + TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task An_unknown_outcome_is_resolved_to_the_real_state()
    {
        var buy = await SubmitIntoFault(FaultKind.UnknownOutcome, "order.place", "unknown-1");

        // The venue executed the order but answered -1007. Its NEW execution report (naming our client order id) and
        // the -1007 reply race: either the order goes Unknown and is then resolved (by the report or by order.status),
        // or the report makes it Accepted first and the late -1007 adds nothing. Either way it ends Accepted at the
        // venue's id, and it is never rejected.
        var history = new List<IOrderEvent>();
        Events.FishForMessage<IOrderEvent>(
            e =>
            {
                if (e.ClientOrderId != buy.ClientOrderId)
                {
                    return false;
                }

                history.Add(e);
                return e is OrderAccepted || e is OrderReconciled { Status: OrderStatus.Accepted };
            },
            Wait);
        Assert.DoesNotContain(history, e => e is OrderRejected);
        Assert.All(history.OfType<OrderStatusUnknown>(), u => Assert.Contains("-1007", u.Reason, StringComparison.Ordinal));
        var atVenue = Assert.Single(OpenOrders().Orders);
        Assert.Equal(buy.ClientOrderId, atVenue.ClientOrderId);

        Cancel(buy.ClientOrderId);
        ExpectOrderEvent<OrderCanceled>(buy.ClientOrderId);
    }

    [Fact]
    public async Task Server_shutdown_reconnects_reconciles_and_events_keep_flowing()
    {
        await StartReadyAtMid(50_000m);
        var buy = SubmitAccepted("across-shutdown", OrderSide.Buy, 0.01m, 49_000m);

        await Control.InjectStateAsync(new StateInjection { Codes = [1] });
        var lost = ExpectState(ConnectionState.Reconnecting);
        Assert.Contains("serverShutdown", lost.VenueText, StringComparison.Ordinal);
        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromMilliseconds(500));
        ExpectReconciledBalance("USDT");

        await SetMid(48_000m);
        var filled = ExpectOrderEvent<OrderFilled>(buy.ClientOrderId);
        Assert.Equal(49_000m, filled.Price);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_and_nothing_is_lost_or_doubled()
    {
        var fills = Subscribe(typeof(OrderFilled), typeof(OrderPartiallyFilled));
        await StartReadyAtMid(50_000m);
        var buy = SubmitAccepted("across-drop", OrderSide.Buy, 0.01m, 49_000m);

        await Control.InjectStateAsync(new StateInjection { Codes = [3] });
        ExpectState(ConnectionState.Reconnecting);
        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromMilliseconds(500));

        Assert.Equal(buy.ClientOrderId, Assert.Single(OpenOrders().Orders).ClientOrderId);

        await SetMid(48_000m);
        var fill = fills.ExpectMsg<OrderFilled>(Wait);
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
