using Engine.Actors.Strategies;
using Engine.Config;

namespace Engine.Actors.Tests.Strategies;

public class StrategyHostOptionsTests
{
    [Fact]
    public void Binds_from_hocon_with_durations()
    {
        var config = HoconConfig.Parse(
            "host { plugins-folder = plugins/x, min-backoff = 500ms, max-backoff = 20s, random-factor = 0.1, max-restarts = 3, restart-window = 2m }",
            "engine.conf").Resolve(_ => null);

        var options = config.Bind<StrategyHostOptions>("host");

        Assert.Equal(
            new StrategyHostOptions
            {
                PluginsFolder = "plugins/x",
                MinBackoff = TimeSpan.FromMilliseconds(500),
                MaxBackoff = TimeSpan.FromSeconds(20),
                RandomFactor = 0.1,
                MaxRestarts = 3,
                RestartWindow = TimeSpan.FromMinutes(2),
            },
            options);
    }

    [Theory]
    [InlineData("min-backoff = 0s", "min-backoff must be at least 1ms")]
    [InlineData("min-backoff = 10s, max-backoff = 1s", "max-backoff (00:00:01) must not be below min-backoff (00:00:10)")]
    [InlineData("restart-window = 0s", "restart-window must be positive")]
    [InlineData("max-restarts = -1", "engine.conf:1: host.max-restarts:")]
    [InlineData("max-retries = 3", "engine.conf:1: host.max-retries: unknown key")]
    public void Bad_values_fail_with_file_line_and_key(string body, string expected)
    {
        var config = HoconConfig.Parse($"host {{ {body} }}", "engine.conf").Resolve(_ => null);

        var error = Assert.Throws<ConfigException>(() => config.Bind<StrategyHostOptions>("host"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_refuses_invalid_options_when_its_props_are_built()
    {
        var settings = new StrategyHostSettings([], Akka.Actor.ActorRefs.Nobody, new StrategyHostOptions { MinBackoff = TimeSpan.Zero });

        var error = Assert.Throws<ArgumentException>(() => StrategyHost.Props(settings));

        Assert.Contains("min-backoff must be at least 1ms", error.Message, StringComparison.Ordinal);
    }
}
