using Engine.Simulator.Market;

namespace Engine.Simulator.Tests.Market;

public class SyntheticMarketTests
{
    private static readonly SyntheticSymbol[] Symbols = [new("BTC/USDT", 50000m, 0.01m, 0.5m), new("ETH/USDT", 2500m, 0.01m, 5m)];

    private static List<decimal> Walk(int seed, int steps)
    {
        var market = new SyntheticMarket(new MarketOptions { Seed = seed }, Symbols);
        var mids = new List<decimal>();
        for (var i = 0; i < steps; i++)
        {
            market.Step();
            mids.Add(market.Mid("BTC/USDT")!.Value);
            mids.Add(market.Mid("ETH/USDT")!.Value);
        }

        return mids;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    public void Same_seed_gives_same_sequence(int seed) => Assert.Equal(Walk(seed, 50), Walk(seed, 50));

    [Fact]
    public void Different_seeds_differ() => Assert.NotEqual(Walk(1, 50), Walk(2, 50));

    [Fact]
    public void Quote_levels_straddle_the_mid_on_ticks()
    {
        var market = new SyntheticMarket(new MarketOptions { Levels = 3 }, Symbols);
        market.Step();
        var quote = market.Quote("BTC/USDT")!;
        Assert.Equal(3, quote.Asks.Count);
        Assert.All(quote.Asks, l => Assert.True(l.Price > quote.Mid && l.Price % 0.01m == 0m));
        Assert.All(quote.Bids, l => Assert.True(l.Price < quote.Mid && l.Price % 0.01m == 0m));
        Assert.True(quote.Asks[0].Price < quote.Asks[1].Price && quote.Bids[0].Price > quote.Bids[1].Price);
        Assert.True(market.SetMid("BTC/USDT", 123.456m));
        Assert.Equal(123.45m, market.Mid("BTC/USDT"));
        Assert.Null(market.Quote("NOPE"));
    }

    [Fact]
    public void A_followed_symbol_keeps_the_mid_set_from_outside_while_the_others_walk()
    {
        var market = new SyntheticMarket(new MarketOptions { Seed = 3 }, Symbols);
        market.Follow(["BTC/USDT", "NOPE"]);
        market.SetMid("BTC/USDT", 61_000m);

        for (var i = 0; i < 20; i++)
        {
            market.Step();
        }

        Assert.Equal(61_000m, market.Mid("BTC/USDT"));
        Assert.NotEqual(2500m, market.Mid("ETH/USDT"));
        Assert.Equal(["ETH/USDT"], market.Walking);
    }
}
