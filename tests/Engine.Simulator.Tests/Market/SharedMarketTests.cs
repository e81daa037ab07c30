using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Simulator.Tests.Market;

/// <summary>
/// The run's shared market over real venue simulators (the quant gateway and Binance, as the default <c>engine run</c>
/// starts them): one price per underlying, set on every venue that lists it; on a manual clock.
/// </summary>
public sealed class SharedMarketTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);

    [Fact]
    public async Task Linking_shares_the_underlyings_two_venues_list_at_the_first_venues_price()
    {
        await using var v = Venues.Start(_clock);
        var (gateway, binance, market) = (v.Gateway, v.Binance, v.Market);
        var shared = market.Link([gateway, binance]);

        Assert.Contains("BTC/USD", shared);
        Assert.Contains("ETH/USD", shared);
        Assert.Contains("ETH/BTC", shared);
        Assert.DoesNotContain("TRX/USD", shared);
        // The gateway lists ETH/USDT at 2500 and Binance ETHUSDT at 3000: the first venue linked sets the price.
        Assert.Equal(2500m, Mid(binance, "ETHUSDT"));
        Assert.Equal(Mid(gateway, "BTC/USDT"), Mid(binance, "BTCUSDT"));
    }

    [Fact]
    public async Task Every_step_moves_both_venues_to_one_price_and_the_venues_own_walks_leave_shared_symbols_alone()
    {
        await using var v = Venues.Start(_clock);
        var (gateway, binance, market) = (v.Gateway, v.Binance, v.Market);
        market.Link([gateway, binance]);
        market.Start();
        var trxBefore = Mid(gateway, "TRX/USDT");
        var btcBefore = Mid(binance, "BTCUSDT");

        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(Rounded(market.Mids["BTC/USD"]), Mid(gateway, "BTC/USDT"));
            Assert.Equal(Rounded(market.Mids["BTC/USD"]), Mid(binance, "BTCUSDT"));
            Assert.Equal(Rounded(market.Mids["ETH/USD"]), Mid(binance, "ETHUSDT"));
        }

        Assert.NotEqual(btcBefore, Mid(binance, "BTCUSDT"));
        // A symbol only the gateway lists still walks in the gateway.
        Assert.NotEqual(trxBefore, Mid(gateway, "TRX/USDT"));
    }

    [Fact]
    public async Task A_mid_set_on_one_venue_through_the_sharedmarket_moves_the_other()
    {
        await using var v = Venues.Start(_clock);
        var (gateway, binance, market) = (v.Gateway, v.Binance, v.Market);
        market.Link([gateway, binance]);

        var gatewayMids = market.Apply(gateway, new MarketCommand { Symbol = "BTC/USDT", Mid = 61_000m });

        Assert.Equal(61_000m, gatewayMids["BTC/USDT"]);
        Assert.Equal(61_000m, Mid(binance, "BTCUSDT"));
        Assert.Equal(61_000m, market.Mids["BTC/USD"]);
    }

    [Fact]
    public async Task The_control_api_of_a_host_with_the_sharedmarket_moves_every_venue_listing_the_pair()
    {
        var options = new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero } };
        await using var market = new SharedMarket(options.Market, _clock);
        await using var gateway = await SimulatorHost.StartAsync("quant-gateway", options, 0, null, _clock, market);
        await using var binance = await SimulatorHost.StartAsync("binance", options, 0, null, _clock, market);
        market.Link([gateway.Venue, binance.Venue]);
        using var control = gateway.CreateControlClient();

        await control.MarketAsync(new MarketCommand { Symbol = "BTC/USDT", Mid = 48_000m });
        await control.MarketAsync(new MarketCommand { Steps = 3 });

        Assert.Equal(Rounded(market.Mids["BTC/USD"]), Mid(binance.Venue, "BTCUSDT"));
        Assert.Equal(Rounded(market.Mids["BTC/USD"]), Mid(gateway.Venue, "BTC/USDT"));
        Assert.NotEqual(48_000m, market.Mids["BTC/USD"]);
    }

    private static decimal Mid(IVenueSimulator venue, string symbol) => venue.ApplyMarket(new MarketCommand())[symbol];

    /// <summary>Both venues list BTC and ETH against USDT on a 0.01 tick and round a mid down to it.</summary>
    private static decimal Rounded(decimal mid) => Math.Floor(mid / 0.01m) * 0.01m;

    /// <summary>The quant gateway and Binance simulators (their own walks ticking every second) and a shared market.</summary>
    private sealed record Venues(IVenueSimulator Gateway, IVenueSimulator Binance, SharedMarket Market) : IAsyncDisposable
    {
        public static Venues Start(TimeProvider clock)
        {
            var options = new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.FromSeconds(1) } };
            var venues = new Venues(
                VenueCatalog.Create("quant-gateway", options, clock, NullLoggerFactory.Instance),
                VenueCatalog.Create("binance", options, clock, NullLoggerFactory.Instance),
                new SharedMarket(options.Market, clock));
            venues.Gateway.Start();
            venues.Binance.Start();
            return venues;
        }

        public async ValueTask DisposeAsync()
        {
            await Market.DisposeAsync();
            await Gateway.DisposeAsync();
            await Binance.DisposeAsync();
        }
    }
}
