using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;

namespace Engine.Strategies.Samples.Tests;

/// <summary>The pure pricing of the maker.</summary>
public class MarketMakerQuoterTests
{
    private static readonly Symbol Btc = new("BTC/USDT");

    private static readonly MarketMakerParameters Parameters = new()
    {
        Symbol = "BTC/USDT",
        InitialMid = 100m,
        SpreadBps = 10m,
        OrderSize = 0.5m,
        MaxLong = 1m,
        MaxShort = 1m,
    };

    [Theory]
    [InlineData(100.0, 0.01, 99.95, 100.05)]
    [InlineData(100.0, 0.1, 99.9, 100.1)]
    [InlineData(100.0, 5.0, 95.0, 105.0)]
    [InlineData(1.0, 0.01, 0.99, 1.01)]
    [InlineData(1.0, 0.0, 0.9995, 1.0005)]
    public void Bid_rounds_down_and_ask_rounds_up_to_the_tick_never_crossed(double mid, double tick, double bid, double ask)
    {
        var plan = MarketMakerQuoter.Plan((decimal)mid, 0m, Parameters, new SymbolRules(Btc, (decimal)tick, 0m));

        Assert.Equal((decimal)bid, plan.Bid!.Price);
        Assert.Equal((decimal)ask, plan.Ask!.Price);
    }

    [Theory]
    [InlineData(0.0, true, true)]
    [InlineData(0.5, true, true)]
    [InlineData(0.6, false, true)]
    [InlineData(-0.5, true, true)]
    [InlineData(-0.6, true, false)]
    public void A_side_whose_fill_would_pass_the_inventory_limit_is_left_out(double inventory, bool bid, bool ask)
    {
        var plan = MarketMakerQuoter.Plan(100m, (decimal)inventory, Parameters, new SymbolRules(Btc, 0.01m, 0.1m));

        Assert.Equal((bid, ask), (plan.Bid is not null, plan.Ask is not null));
        Assert.True(plan.Bid is null || plan.Bid.Side == OrderSide.Buy);
        Assert.True(plan.Ask is null || plan.Ask.Side == OrderSide.Sell);
    }

    [Fact]
    public void A_size_below_the_minimum_quotes_nothing()
    {
        var plan = MarketMakerQuoter.Plan(100m, 0m, Parameters, new SymbolRules(Btc, 0.01m, 0.1m, MinQuantity: 1m));

        Assert.Equal(new QuotePlan(null, null), plan);
    }

    [Theory]
    [InlineData(100.0, 100.0, 0.0, false)]
    [InlineData(100.03, 100.0, 2.0, true)]
    [InlineData(100.02, 100.0, 2.0, false)]
    [InlineData(99.97, 100.0, 2.0, true)]
    public void Requote_when_the_price_moved_beyond_the_threshold(double working, double wanted, double thresholdBps, bool expected) =>
        Assert.Equal(expected, MarketMakerQuoter.NeedsRequote((decimal)working, (decimal)wanted, (decimal)thresholdBps));
}
