using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Venues.QuantGateway;
using Engine.Host.Runtime;

namespace Engine.Host.Tests;

public class SimulatedVenuesTests
{
    private static LoginOptions Login(string name, string url, bool enabled = true) => new()
    {
        Name = name,
        Venue = LoginOptions.QuantGatewayVenue,
        Enabled = enabled,
        QuantGateway = new QuantGatewayOptions
        {
            Url = new Uri(url),
            Platform = "huobi",
            Symbols = ImmutableArray.Create("BTC/USDT"),
            AccessKey = "k",
            SecretKey = "s",
        },
    };

    [Theory]
    [InlineData(new[] { "sim://quant-gateway" }, new[] { "quant-gateway" })]
    [InlineData(new[] { "sim://quant-gateway", "sim://quant-gateway" }, new[] { "quant-gateway" })]
    [InlineData(new[] { "ws://10.0.0.1:9878/ws/v1" }, new string[0])]
    [InlineData(new[] { "wss://gw.example/ws", "sim://quant-gateway" }, new[] { "quant-gateway" })]
    public void Required_lists_each_simulated_venue_once(string[] urls, string[] expected)
    {
        var logins = urls.Select((u, i) => Login("l" + i, u));

        Assert.Equal(expected, SimulatedVenues.Required(logins));
    }

    [Fact]
    public void A_disabled_login_needs_no_simulator() =>
        Assert.Empty(SimulatedVenues.Required([Login("a", "sim://quant-gateway", enabled: false)]));

    [Fact]
    public void Rewrite_replaces_sim_urls_with_the_simulator_address_and_keeps_the_rest()
    {
        var endpoints = new Dictionary<string, Uri> { ["quant-gateway"] = new("ws://127.0.0.1:41000/ws/v1") };

        var rewritten = SimulatedVenues.Rewrite([Login("a", "sim://quant-gateway"), Login("b", "wss://gw.example/ws")], endpoints);

        Assert.Equal(new Uri("ws://127.0.0.1:41000/ws/v1"), rewritten[0].QuantGateway!.Url);
        Assert.Equal(new Uri("wss://gw.example/ws"), rewritten[1].QuantGateway!.Url);
        Assert.Equal("k", rewritten[0].QuantGateway!.AccessKey);
        Assert.Empty(rewritten[0].QuantGateway!.Validate());
    }

    [Fact]
    public void Rewrite_without_a_started_simulator_says_which_login_needs_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SimulatedVenues.Rewrite([Login("a", "sim://quant-gateway")], new Dictionary<string, Uri>()));

        Assert.Contains("login 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sim_url_passes_the_login_validation() => Assert.Empty(Login("a", "sim://quant-gateway").Validate());
}
