using System.Net.Http.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.DBot;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary>The login's heartbeat is WebSocket Ping frames, and the venue sees them (its control API counts them per connection).</summary>
public class DBotHeartbeatScenarios : DBotScenarioBase
{
    [Fact]
    public void The_logins_ping_frames_reach_the_venue()
    {
        var login = DBotLogin();
        StartReady(login with { DBot = login.DBot! with { PingInterval = TimeSpan.FromSeconds(1), PongTimeout = TimeSpan.FromSeconds(5) } });
        using var control = new HttpClient { BaseAddress = Simulator.Host.BaseUri };
        AwaitAssert(
            () =>
            {
                var connections = control.GetFromJsonAsync<List<DBotConnectionInfo>>("_control/dbot/connections", ControlJson.Options).GetAwaiter().GetResult()!;
                var trading = Assert.Single(connections, c => c.Kind == "trading");
                Assert.Equal("demo-dbot", trading.Account);
                Assert.True(trading.Pings >= 2, $"{trading.Pings} pings so far");
            },
            Wait,
            TimeSpan.FromMilliseconds(200));
    }
}
