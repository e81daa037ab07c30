using Engine.Actors.Strategies;
using Engine.Config;
using Engine.TestKit;

namespace Engine.Strategies.Samples.Tests;

/// <summary>Strict binding of the maker's parameters, directly and through the strategy host.</summary>
public class MarketMakerParametersTests : EngineTestKit
{
    private const string Valid = "symbol = \"BTC/USDT\"\ninitial-mid = 100\norder-size = 0.5\nmax-long = 1\nmax-short = 1\n";

    [Fact]
    public void Valid_parameters_bind_with_defaults()
    {
        var bound = Parse(Valid).Bind<MarketMakerParameters>(string.Empty);

        Assert.Equal(
            ("BTC/USDT", 100m, 10m, 0.5m, 2m, TimeSpan.FromSeconds(5), 1m, 1m),
            (bound.Symbol, bound.InitialMid, bound.SpreadBps, bound.OrderSize, bound.RequoteThresholdBps, bound.RefreshInterval, bound.MaxLong, bound.MaxShort));
    }

    [Theory]
    [InlineData("spred-bps = 5\n", "mm.conf:6: spred-bps: unknown key; expected one of: symbol, initial-mid, feed, feed-symbol, spread-bps")]
    [InlineData("order-size = -1\n", "order-size must be positive, got -1")]
    [InlineData("initial-mid = 0\n", "initial-mid must be positive without a feed, got 0")]
    [InlineData("spread-bps = 0\n", "spread-bps must be between 0 and 10000 (exclusive), got 0")]
    [InlineData("max-short = -2\n", "max-long and max-short are sizes and must not be negative, got 1 and -2")]
    [InlineData("refresh-interval = 0s\n", "refresh-interval must be positive")]
    [InlineData("order-size = lots\n", "mm.conf:6: order-size:")]
    public void Bad_parameters_are_rejected_with_file_line_and_key(string extra, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Parse(Valid + extra).Bind<MarketMakerParameters>(string.Empty));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_symbol_is_rejected()
    {
        var error = Assert.Throws<ConfigException>(() => Parse("initial-mid = 100\norder-size = 1\n").Bind<MarketMakerParameters>(string.Empty));

        Assert.Contains("symbol: missing required key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_refuses_to_start_a_maker_with_bad_parameters_and_names_the_strategy_and_key()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(StrategyLoadFailed));
        var connections = CreateTestProbe();
        var options = new StrategyOptions
        {
            Name = "maker",
            Type = typeof(MarketMaker).FullName!,
            Assembly = typeof(MarketMaker).Assembly.GetName().Name!,
            Logins = ["login-a"],
            Parameters = Parse(Valid + "levels = 3\n"),
        };

        var host = Sys.ActorOf(StrategyHost.Props(new StrategyHostSettings([options], connections.Ref, new StrategyHostOptions())), "strategies");

        var failed = events.ExpectMsg<StrategyLoadFailed>();
        Assert.Equal("maker", failed.Name);
        Assert.Contains("strategy 'maker': parameters do not bind to MarketMakerParameters: mm.conf:6: levels: unknown key", failed.Reason, StringComparison.Ordinal);
        connections.ExpectNoMsg();
        host.Tell(GetRunningStrategies.Instance, TestActor);
        Assert.Empty(ExpectMsg<RunningStrategies>().Names);
    }

    private static HoconConfig Parse(string text) => HoconConfig.Parse(text, "mm.conf").Resolve(_ => null);
}
