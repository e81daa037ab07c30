using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios;

public sealed class QuantGatewaySharedSocketScenarios : QuantGatewayScenarioBase
{
    private static readonly LoginId Futures = new("qg-2");
    private static readonly Symbol Contract = new("BTC200925");

    private void ExpectBoth(ConnectionState state, int maxSteps = 1)
    {
        var pending = new HashSet<LoginId> { Login, Futures };
        for (var step = 0; pending.Count > 0; step++)
        {
            if (step > 0)
            {
                Advance(TimeSpan.FromSeconds(1));
            }

            try
            {
                while (pending.Count > 0)
                {
                    pending.Remove(States.FishForMessage<ConnectionStateChanged>(s => s.State == state && pending.Contains(s.Login), TimeSpan.FromMilliseconds(step + 1 < maxSteps ? 300 : 10_000)).Login);
                }
            }
            catch (Exception) when (step + 1 < maxSteps)
            {
            }
        }
    }

    [Fact]
    public async Task Two_logins_share_one_socket_trade_independently_and_lose_it_together()
    {
        var spot = LoginOptions() with { SocketGroup = "main" };
        var futures = LoginOptions(platform: "huobi_future", key: "demo-futures", symbols: [Contract.Value]) with { Name = Futures.Value, SocketGroup = "main" };
        StartEngine(spot, futures);
        ExpectBoth(ConnectionState.Ready);

        await SetMid(50_000m);
        await SetMid(50_000m, Contract);
        var sell = SubmitLimit("spot-1", OrderSide.Sell, 0.01m, 49_000m);
        var open = OpenLong(Futures, "fut-1", Contract, 1m);
        Submit(open);
        var awaited = new HashSet<(LoginId, ClientOrderId)> { (Login, sell.ClientOrderId), (Futures, open.ClientOrderId) };
        while (awaited.Count > 0)
        {
            var accepted = Events.FishForMessage<OrderAccepted>(a => awaited.Contains((a.Login, a.ClientOrderId)), Wait);
            awaited.Remove((accepted.Login, accepted.ClientOrderId));
        }

        await ArmFault(FaultKind.Disconnect, "place_order", 1);
        SubmitLimit("spot-2", OrderSide.Buy, 0.01m, 45_000m);
        ExpectBoth(ConnectionState.Reconnecting);
        ExpectBoth(ConnectionState.Ready, maxSteps: 20);
    }
}
