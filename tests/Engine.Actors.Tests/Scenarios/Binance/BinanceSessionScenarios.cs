using Engine.Actors.Venues.Binance;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios.Binance;

public sealed class BinanceSessionScenarios : BinanceScenarioBase
{
    [Fact]
    public void The_session_is_replaced_before_its_lifetime_ends_and_reconciled()
    {
        StartEngine(LoginOptions(BinanceKeyType.Ed25519, sessionLifetime: TimeSpan.FromMinutes(2)));
        ExpectState(ConnectionState.Ready);
        Events.FishForMessage<BalanceChanged>(b => b.IsReconciliation, Wait);

        var lost = AdvanceUntil<ConnectionStateChanged>(TimeSpan.FromSeconds(10), s => s.Login == Login && s.State == ConnectionState.Reconnecting, probe: States);
        Assert.Contains("lifetime", lost.VenueText, StringComparison.Ordinal);
        Assert.True(Time.GetUtcNow() - lost.Timestamp < TimeSpan.FromMinutes(1));
        AdvanceUntil<ConnectionStateChanged>(TimeSpan.FromMilliseconds(500), s => s.Login == Login && s.State == ConnectionState.Ready, probe: States);
        Events.FishForMessage<BalanceChanged>(b => b.IsReconciliation, Wait);
    }

    [Fact]
    public async Task A_revoked_key_stops_the_login_for_good()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.InjectStateAsync(new StateInjection { Codes = [4] });

        var buy = Limit("after-revoke", OrderSide.Buy, 0.01m, 45_000m);
        Submit(buy);
        var stopped = ExpectState(ConnectionState.Stopped);
        Assert.True(stopped.IsFatal);
        Assert.Contains("revoked", stopped.VenueText, StringComparison.Ordinal);
        Assert.Equal(-2015, stopped.VenueCode);
        ExpectOrderEvent<OrderSubmitted>(buy.ClientOrderId);
    }
}
