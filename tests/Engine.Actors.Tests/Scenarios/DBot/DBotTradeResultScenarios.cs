using Engine.Messages.Connectivity;
using Engine.Messages.Tasks;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary>Trade results from the simulator's chain reach the event stream typed, journaled and exactly once.</summary>
public class DBotTradeResultScenarios : DBotScenarioBase
{
    [Fact]
    public async Task Trade_results_reach_a_strategy_exactly_once_across_a_reconnect()
    {
        StartReady();
        var task = CreateFollowOrder("copy-a");
        var trades = Subscribe(typeof(ITradeResult));

        Venue.Faults.Add(new FaultRule { Kind = FaultKind.DuplicateNotification, Op = "follow_buy_success" });
        Assert.Equal(1, Venue.LeaderTrade(Leader, "POPCAT", buy: true));
        var first = trades.ExpectMsg<TradeSucceeded>(Wait);
        Assert.Equal(task, first.TaskId);
        Assert.StartsWith(task + "_", first.ResultId, StringComparison.Ordinal);
        Assert.Equal("buy", first.Side);
        Assert.Equal(500_000_000, (long)first.SendAmount);
        Assert.Equal(9, first.SendDecimals);

        await Simulator.Host.Venue.InjectStateAsync(new StateInjection { Codes = [1] }, CancellationToken.None);
        ExpectState(ConnectionState.Reconnecting);
        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromSeconds(1));

        Assert.Equal(1, Venue.LeaderTrade(Leader, "POPCAT", buy: false));
        var second = trades.ExpectMsg<TradeSucceeded>(Wait);
        Assert.Equal("sell", second.Side);
        Assert.Equal(first.ReceiveAmount, second.SendAmount);
        trades.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_failed_trade_is_a_typed_failure_decided_by_its_state()
    {
        StartReady();
        CreateFollowOrder("copy-a");
        var trades = Subscribe(typeof(ITradeResult));
        Venue.SetQuirks(System.Text.Json.JsonDocument.Parse("""{"fail_rate":1}""").RootElement);
        Venue.LeaderTrade(Leader, "WIF", buy: true);
        var failed = trades.ExpectMsg<TradeFailed>(Wait);
        Assert.Equal("E_OTHERS", failed.ErrorCode);
        Assert.Contains("Simulation failed", failed.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fast_swap_is_accepted_with_its_id_its_trade_arrives_as_a_result_and_its_state_can_be_read()
    {
        StartReady();
        var trades = Subscribe(typeof(ITradeResult));
        var accepted = Command<TaskCommandAccepted>(new CreateSwap(Login, NextId(), UtcNow, new SwapSpec("ethereum", "0xa43fe16908251ee70ef74718545e4fe6c5ccec9f", "eth-main", IsBuy: true, 0.05m)));
        var swap = Assert.Single(accepted.TaskIds);
        var trade = trades.ExpectMsg<TradeSucceeded>(Wait);
        Assert.Equal(swap, trade.ResultId);
        Assert.Equal("swap_order", trade.Source);

        Connections.Tell(new GetSwap(Login, UtcNow, swap), Strategy.Ref);
        var reported = Strategy.ExpectMsg<SwapReported>(Wait);
        Assert.Equal(("done", swap), (reported.State, reported.SwapId));
        Assert.NotNull(reported.Hash);

        Connections.Tell(new GetSwap(Login, UtcNow, "nope"), Strategy.Ref);
        Assert.Contains("unknown swap order id: nope", Strategy.ExpectMsg<TaskQueryFailed>(Wait).Reason, StringComparison.Ordinal);
    }
}
