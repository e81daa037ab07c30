using Engine.Config;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.Binance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Simulator.Tests.Binance;

public class BinanceHostingTests
{
    [Fact]
    public async Task Venue_is_in_the_catalog_and_served_on_ws_api_v3()
    {
        Assert.Contains("binance", VenueCatalog.Names);
        await using var host = await SimulatorHost.StartAsync("binance", BinanceTestClient.Options());
        Assert.Equal($"ws://127.0.0.1:{host.Port}/ws-api/v3", host.WebSocketUri.ToString());
        await using var client = await BinanceTestClient.ConnectAsync(host);
        Assert.Equal(200, (await client.RequestAsync(1, "ping")).GetProperty("status").GetInt32());
        using var http = new HttpClient();
        using var plain = await http.GetAsync(new Uri(host.BaseUri, "ws-api/v3"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plain.StatusCode);
    }

    [Fact]
    public async Task Runner_serves_binance_until_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var run = SimulatorRunner.RunAsync("binance", 0, BinanceTestClient.Options(), NullLoggerFactory.Instance, cts.Token);
        Assert.False(run.IsCompleted);
        await cts.CancelAsync();
        await run.WaitAsync(BinanceTestClient.Timeout);
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public void Reference_conf_binds_the_binance_section_and_demo_accounts_strictly()
    {
        var options = ReferenceSimulatorOptions();
        Assert.Equal(new BinanceOptions(), options.Binance with { RateLimits = new BinanceRateLimitOptions() });
        Assert.Equal(new BinanceRateLimitOptions(), options.Binance.RateLimits);
        Assert.Empty(SimulatorOptionsValidator.Validate(options));
        var ed = Assert.Single(options.Accounts, a => a.Id == "demo-binance-ed25519");
        Assert.Equal(DemoAccounts.BinanceEd25519.Ed25519PublicKey, ed.Ed25519PublicKey);
        Assert.Equal(DemoAccounts.BinanceEd25519.ApiKey, ed.ApiKey);
        var hmac = Assert.Single(options.Accounts, a => a.Id == "demo-binance-hmac");
        Assert.Equal(DemoAccounts.BinanceHmac.Secret, hmac.Secret);
        Assert.Null(hmac.Ed25519PublicKey);
        Assert.Equal(DemoAccounts.All.Select(a => a.Id), options.Accounts.Select(a => a.Id));
    }

    [Fact]
    public async Task Demo_accounts_from_the_default_options_trade_with_both_key_types()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(200, (await client.RequestAsync(1, "account.status", BinanceTestClient.SignEd25519([], ts))).GetProperty("status").GetInt32());
        Assert.Equal(200, (await client.RequestAsync(2, "account.status", BinanceTestClient.SignHmac([], ts, "demo-spot-key", "demo-spot-secret"))).GetProperty("status").GetInt32());
        var hmacOnEd = BinanceTestClient.SignHmac([], ts, BinanceTestClient.Ed25519Key, "unused-ed25519-key");
        Assert.Equal(-1022, (await client.RequestAsync(3, "account.status", hmacOnEd)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_account_with_a_malformed_public_key_fails_at_start()
    {
        var options = BinanceTestClient.Options() with
        {
            Accounts = [DemoAccounts.BinanceEd25519 with { Ed25519PublicKey = "not a key" }],
        };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHost.StartAsync("binance", options));
        Assert.Contains("demo-binance-ed25519", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pong", "binance.ping-interval")]
    [InlineData("ban", "binance.ping-interval")]
    [InlineData("weight", "binance.rate-limits.WeightPerMinute")]
    [InlineData("first", "binance.FirstOrderId")]
    public void Invalid_binance_options_are_named_by_the_validator(string field, string expected)
    {
        var venue = field switch
        {
            "pong" => new BinanceOptions { PongTimeout = TimeSpan.FromSeconds(-1) },
            "ban" => new BinanceOptions { BanDuration = TimeSpan.Zero },
            "weight" => new BinanceOptions { RateLimits = new BinanceRateLimitOptions { WeightPerMinute = 0 } },
            _ => new BinanceOptions { FirstOrderId = 0 },
        };
        var errors = SimulatorOptionsValidator.Validate(BinanceTestClient.Options(venue));
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Empty(SimulatorOptionsValidator.Validate(BinanceTestClient.Options()));
    }

    private static SimulatorOptions ReferenceSimulatorOptions()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "hocon", "reference.conf")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var config = HoconConfig.Load(Path.Combine(directory.FullName, "hocon", "reference.conf")).Resolve();
        return config.Bind<SimulatorOptions>("engine.simulator");
    }
}
