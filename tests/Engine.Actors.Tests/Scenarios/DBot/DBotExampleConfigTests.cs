using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Config;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary><c>hocon/examples/dbot.conf</c> binds into a valid DBot login from its environment variables.</summary>
public sealed class DBotExampleConfigTests
{
    [Theory]
    [InlineData(null, "wss://api-bot-v1.dbotx.com/trade/ws/")]
    [InlineData("sim://dbot", "sim://dbot")]
    public void The_example_binds_a_valid_dbot_login(string? url, string expected)
    {
        var environment = new Dictionary<string, string> { ["DBOT_API_KEY"] = "demo-dbot-key" };
        if (url is not null)
        {
            environment["DBOT_URL"] = url;
        }

        var login = Assert.Single(Load(environment.GetValueOrDefault));
        Assert.Empty(login.Validate());
        Assert.Equal(LoginOptions.DBotVenue, login.Venue);
        Assert.Equal(new Uri(expected), login.DBot!.Url);
        Assert.DoesNotContain("demo-dbot-key", login.DBot.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "wss://api-data-v1.dbotx.com/data/ws/")]
    [InlineData("sim://dbot", "sim://dbot")]
    public void The_example_binds_a_valid_dbot_data_feed(string? url, string expected)
    {
        var environment = new Dictionary<string, string> { ["DBOT_API_KEY"] = "demo-dbot-key" };
        if (url is not null)
        {
            environment["DBOT_DATA_URL"] = url;
        }

        var feed = Assert.Single(HoconConfig.Load(Path()).Resolve(environment.GetValueOrDefault).Bind<ImmutableArray<Engine.Actors.MarketData.FeedOptions>>("engine.feeds"));
        Assert.Empty(feed.Validate());
        Assert.Equal((Engine.Actors.MarketData.FeedVenues.DBot, new Uri(expected)), (feed.Venue, feed.Url));
        Assert.Equal([Engine.Messages.MarketData.MarketDataKind.Quotes, Engine.Messages.MarketData.MarketDataKind.Trades], feed.Channels);
        Assert.DoesNotContain("demo-dbot-key", feed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_api_key_the_example_does_not_bind()
    {
        var error = Assert.Throws<ConfigException>(() => Load(_ => null));
        Assert.Contains(error.Errors, e => e.Path.EndsWith("dbot.api-key", StringComparison.Ordinal));
    }

    [Fact]
    public void The_data_host_is_refused_with_the_reason()
    {
        var options = new Engine.Actors.Venues.DBot.DBotOptions { ApiKey = "k", Url = new Uri("wss://api-data-v1.dbotx.com/trade/ws/") };
        Assert.Contains(options.Validate(), e => e.Contains("data host", StringComparison.Ordinal));
    }

    private static ImmutableArray<LoginOptions> Load(Func<string, string?> environment) =>
        HoconConfig.Load(Path()).Resolve(environment).Bind<ImmutableArray<LoginOptions>>("engine.logins");

    private static string Path()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(System.IO.Path.Combine(dir.FullName, "hocon")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("no hocon folder above the test binaries"), "hocon", "examples", "dbot.conf");
    }
}
