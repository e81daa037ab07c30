using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Matching;
using Engine.Simulator.Tests.Support;
using static Engine.Simulator.Tests.Support.QuantTestClient;

namespace Engine.Simulator.Tests.QuantGateway;

/// <summary>The <c>fills_before_reply</c> fault and the venue's truth at <c>GET /_control/state</c>.</summary>
public class QuantGatewayTruthAndFillsBeforeReplyTests
{
    private static string Place(string token, string cid, string action, string price) =>
        $$"""{"op":"place_order","cid":"{{cid}}","token":"{{token}}","symbol":"BTC/USDT","action":"{{action}}","price":{{price}},"quantity":0.01,"order_type":"LIMIT"}""";

    [Fact]
    public async Task Fills_before_reply_sends_the_fills_of_a_marketable_order_first_and_answers_a_resting_one_first()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        using var control = host.CreateControlClient();
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        await client.DrainUntilPongAsync("ready");
        await control.MarketAsync(new MarketCommand { Symbol = "BTC/USDT", Mid = 40_000m });
        await client.DrainUntilPongAsync("mid");
        await control.AddFaultAsync(new FaultRule { Kind = FaultKind.FillsBeforeReply, Op = "place_order", Count = 0 });

        await client.SendAsync(Place(token, "resting", "BUY", "30000"));
        Assert.Equal("place_order", Str(await client.ReceiveAsync(), "op"));
        await client.DrainUntilPongAsync("r");

        await client.SendAsync(Place(token, "taker", "BUY", "41000"));
        var frames = await client.DrainUntilPongAsync("t");
        var replyAt = frames.FindIndex(f => Str(f, "op") == "place_order");
        var fillAt = frames.FindIndex(f => Str(f, "topic") == "fill");
        Assert.True(fillAt >= 0 && replyAt > fillAt, string.Join(Environment.NewLine, frames));
    }

    [Fact]
    public async Task The_state_endpoint_reports_every_order_fill_and_the_net_position_per_account()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        using var control = host.CreateControlClient();
        await using var client = await ConnectAsync(host);
        var token = await client.LoginSpotAsync();
        await client.DrainUntilPongAsync("ready");
        await control.MarketAsync(new MarketCommand { Symbol = "BTC/USDT", Mid = 40_000m });

        await client.SendAsync(Place(token, "b1", "BUY", "41000"));
        await client.SendAsync(Place(token, "b2", "BUY", "41000"));
        await client.SendAsync(Place(token, "s1", "SELL", "39000"));
        await client.SendAsync(Place(token, "rest", "BUY", "30000"));
        await client.DrainUntilPongAsync("done");

        var truth = await control.GetTruthAsync();

        var account = Assert.Single(truth.Accounts, a => a.Orders.Count > 0);
        Assert.Equal(4, account.Orders.Count);
        Assert.Equal(3, account.Fills.Count);
        Assert.Equal(0.01m, account.NetPosition["BTC/USDT"]);
        Assert.Equal(1, account.OpenOrders);
        Assert.Equal(SimOrderStatus.New, account.Orders[^1].Status);
        Assert.Equal(account.Fills.Select(f => f.FillId).Distinct().Count(), account.Fills.Count);
    }
}
