using Engine.Actors.Venues.Binance;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios.Binance;

public sealed class BinanceSessionScenarios : BinanceScenarioBase
{
    [Fact]
    public void The_session_is_replaced_before_its_lifetime_ends_and_reconciled()
    {
        StartReady(LoginOptions(BinanceKeyType.Ed25519, sessionLifetime: TimeSpan.FromMinutes(2)));
        ExpectReconciledBalance();

        var lost = AdvanceUntilState(ConnectionState.Reconnecting, TimeSpan.FromSeconds(10));
        Assert.Contains("lifetime", lost.VenueText, StringComparison.Ordinal);
        Assert.True(UtcNow - lost.Timestamp < TimeSpan.FromMinutes(1));
        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromMilliseconds(500));
        ExpectReconciledBalance();
    }

    [Fact]
    public async Task A_revoked_key_stops_the_login_for_good()
    {
        await StartReadyAtMid(50_000m);
        await Control.InjectStateAsync(new StateInjection { Codes = [4] });

        var buy = SubmitLimit("after-revoke", OrderSide.Buy, 0.01m, 45_000m);
        var stopped = ExpectState(ConnectionState.Stopped);
        Assert.True(stopped.IsFatal);
        Assert.Contains("revoked", stopped.VenueText, StringComparison.Ordinal);
        Assert.Equal(-2015, stopped.VenueCode);
        ExpectOrderEvent<OrderSubmitted>(buy.ClientOrderId);
    }
}
