using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Config;

namespace Engine.Actors.Tests.Scenarios.Toobit;

/// <summary><c>hocon/examples/toobit.conf</c> binds into a valid Toobit login from its environment variables, and the secret never prints.</summary>
public sealed class ToobitExampleConfigTests
{
    [Theory]
    [InlineData(null, "https://api.toobit.com/", "wss://stream.toobit.com/")]
    [InlineData("sim://toobit", "sim://toobit", null)]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/", "ws://127.0.0.1:9000/")]
    public void The_example_binds_a_valid_toobit_login(string? url, string expectedUrl, string? expectedStream)
    {
        var environment = new Dictionary<string, string> { ["TOOBIT_API_KEY"] = "api-key", ["TOOBIT_SECRET"] = "the-secret" };
        if (url is not null)
        {
            environment["TOOBIT_URL"] = url;
        }

        var login = Assert.Single(Load(environment.GetValueOrDefault));

        Assert.Empty(login.Validate());
        Assert.Equal(LoginOptions.ToobitVenue, login.Venue);
        var toobit = login.Toobit!;
        Assert.Equal(new Uri(expectedUrl), toobit.Url);
        if (expectedStream is not null)
        {
            Assert.Equal(new Uri(expectedStream), toobit.EffectiveStreamUrl);
        }

        Assert.Equal(["BTCUSDT", "BTC-SWAP-USDT"], toobit.Symbols.AsEnumerable());
        Assert.Equal(5, toobit.Leverage["BTC-SWAP-USDT"]);
        Assert.Equal((3000, 60, TimeSpan.FromSeconds(60)), (toobit.RequestWeightPerMinute, toobit.OrdersPerInterval, toobit.OrderInterval));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30)), (toobit.PingInterval, toobit.PongTimeout, toobit.KeepAliveInterval));
        Assert.DoesNotContain("the-secret", toobit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_keys_the_example_does_not_bind_and_a_bad_login_names_its_keys()
    {
        var error = Assert.Throws<ConfigException>(() => Load(_ => null));
        Assert.Contains(error.Errors, e => e.Path.EndsWith("toobit.api-key", StringComparison.Ordinal));

        var noSecret = Assert.Throws<ConfigException>(() => Load(new Dictionary<string, string> { ["TOOBIT_API_KEY"] = "k" }.GetValueOrDefault));
        Assert.Contains("secret: the HMAC secret is needed", noSecret.Message, StringComparison.Ordinal);

        var login = Assert.Single(Load(new Dictionary<string, string> { ["TOOBIT_API_KEY"] = "k", ["TOOBIT_SECRET"] = "s" }.GetValueOrDefault));
        var bad = login with { Toobit = login.Toobit! with { Secret = "s", Url = new Uri("ftp://x"), KeepAliveInterval = TimeSpan.FromMinutes(61) } };
        var problems = bad.Validate().ToList();
        Assert.Contains(problems, p => p.Contains("toobit.url", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("toobit.keep-alive-interval", StringComparison.Ordinal));
        Assert.Contains((login with { SocketGroup = "g1" }).Validate(), p => p.Contains("socket-group 'g1'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "wss://stream.toobit.com/")]
    [InlineData("sim://toobit", "sim://toobit")]
    public void The_example_feed_reads_the_toobit_quote_socket(string? url, string expectedUrl)
    {
        var environment = new Dictionary<string, string> { ["TOOBIT_API_KEY"] = "api-key", ["TOOBIT_SECRET"] = "s" };
        if (url is not null)
        {
            environment["TOOBIT_QUOTE_URL"] = url;
        }

        var path = Path.Combine(RepoRoot(), "hocon", "examples", "toobit.conf");
        var feed = Assert.Single(HoconConfig.Load(path).Resolve(environment.GetValueOrDefault).Bind<ImmutableArray<Engine.Actors.MarketData.FeedOptions>>("engine.feeds"));

        Assert.Empty(feed.Validate());
        Assert.Equal(("toobit-md", "toobit", new Uri(expectedUrl)), (feed.Name, feed.Venue, feed.Url));
        Assert.Equal(["BTCUSDT", "BTC-SWAP-USDT"], feed.Symbols);
        Assert.Equal(TimeSpan.FromSeconds(20), feed.KeepAliveInterval);
        Assert.Contains("bar-interval 'x'", (feed with { BarInterval = "x" }).Validate().Single(), StringComparison.Ordinal);
    }

    private static ImmutableArray<LoginOptions> Load(Func<string, string?> environment)
    {
        var path = Path.Combine(RepoRoot(), "hocon", "examples", "toobit.conf");
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
