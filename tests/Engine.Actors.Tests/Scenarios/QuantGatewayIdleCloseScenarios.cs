using Engine.Messages.Connectivity;
using SimOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>The simulator closes idle sockets after one second; the engine's clock is frozen, so it sends no ping.</summary>
public sealed class QuantGatewayIdleCloseScenarios : QuantGatewayScenarioBase
{
    protected override SimOptions SimulatorVenueOptions => new()
    {
        ReadyDelay = TimeSpan.FromMilliseconds(50),
        IdleTimeout = TimeSpan.FromSeconds(1),
        IdleCheckPeriod = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public void An_idle_close_by_the_venue_is_a_lost_socket_and_the_login_comes_back_ready()
    {
        StartReady();

        var lost = ExpectState(ConnectionState.Reconnecting);
        Assert.Contains("1000", lost.VenueText, StringComparison.Ordinal);

        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromSeconds(1));
    }
}
