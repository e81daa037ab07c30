using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Venues.Binance;
using Engine.Config;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary><c>hocon/examples/binance.conf</c> binds into a valid Binance login from its environment variables.</summary>
public sealed class BinanceExampleConfigTests
{
    [Theory]
    [InlineData(null, "wss://ws-api.binance.com/ws-api/v3", BinanceKeyType.Ed25519)]
    [InlineData("hmac", "sim://binance", BinanceKeyType.Hmac)]
    public void The_example_binds_a_valid_binance_login(string? keyType, string url, BinanceKeyType expected)
    {
        var environment = new Dictionary<string, string>
        {
            ["BINANCE_API_KEY"] = "api-key",
            ["BINANCE_SECRET"] = "secret",
        };
        if (keyType is not null)
        {
            environment["BINANCE_KEY_TYPE"] = keyType;
            environment["BINANCE_URL"] = url;
        }

        var login = Assert.Single(Load(environment.GetValueOrDefault));

        Assert.Empty(login.Validate());
        Assert.Equal(LoginOptions.BinanceVenue, login.Venue);
        Assert.Equal((new Uri(url), expected, "BINANCE_PRIVATE_KEY"), (login.Binance!.Url, login.Binance.KeyType, login.Binance.PrivateKeyEnv));
        Assert.Equal(["BTCUSDT"], login.Binance.Symbols.AsEnumerable());
        Assert.Equal(TimeSpan.FromMinutes(1430), login.Binance.SessionLifetime);
    }

    [Fact]
    public void Without_the_api_key_the_example_does_not_bind()
    {
        var error = Assert.Throws<ConfigException>(() => Load(_ => null));
        Assert.Contains(error.Errors, e => e.Path.EndsWith("binance.api-key", StringComparison.Ordinal));
    }

    private static ImmutableArray<LoginOptions> Load(Func<string, string?> environment)
    {
        var path = Path.Combine(RepoRoot(), "hocon", "examples", "binance.conf");
        return HoconConfig.Load(path).Resolve(environment).Bind<ImmutableArray<LoginOptions>>("engine.logins");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hocon")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("no hocon folder above the test binaries");
    }
}
