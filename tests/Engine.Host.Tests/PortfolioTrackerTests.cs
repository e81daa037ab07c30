using Engine.Actors.Status;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Host.Tests;

public class PortfolioTrackerTests
{
    private static readonly Symbol BtcUsdt = new("BTC/USDT");

    /// <summary>Fills as "B 1 @ 100" / "S 0.5 @ 110 fee 0.1 USDT"; expected quantity, average cost, realised, unrealised, fees.</summary>
    [Theory]
    [InlineData(new[] { "B 1 @ 100" }, 1, 100, 0, 0, 0)]
    [InlineData(new[] { "B 1 @ 100", "B 1 @ 110" }, 2, 105, 0, 10, 0)]
    [InlineData(new[] { "B 2 @ 100", "S 1 @ 110" }, 1, 100, 10, 10, 0)]
    [InlineData(new[] { "B 1 @ 100", "S 1 @ 90" }, 0, 0, -10, 0, 0)]
    [InlineData(new[] { "B 1 @ 100", "S 3 @ 120" }, -2, 120, 20, 0, 0)]
    [InlineData(new[] { "S 2 @ 50", "B 1 @ 40" }, -1, 50, 10, 10, 0)]
    [InlineData(new[] { "S 1 @ 50", "S 1 @ 60", "B 2 @ 50" }, 0, 0, 10, 0, 0)]
    [InlineData(new[] { "B 1 @ 100 fee 0.1 USDT", "S 1 @ 100 fee 0.2 USDT" }, 0, 0, 0, 0, 0.3)]
    [InlineData(new[] { "B 1 @ 100 fee 0.001 BTC" }, 1, 100, 0, 0, 0.1)]
    [InlineData(new[] { "B 1 @ 100 fee 5 HT" }, 1, 100, 0, 0, 0)]
    public void Average_cost_positions_and_pnl(string[] fills, double quantity, double average, double realised, double unrealised, double fees)
    {
        var tracker = new PortfolioTracker();
        foreach (var fill in fills)
        {
            var p = fill.Split(' ');
            decimal? fee = p.Length > 4 ? decimal.Parse(p[5], System.Globalization.CultureInfo.InvariantCulture) : null;
            tracker.ApplyFill(BtcUsdt, p[0] == "B" ? OrderSide.Buy : OrderSide.Sell, decimal.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), fee, p.Length > 4 ? p[6] : null);
        }

        var position = tracker.PositionOf(BtcUsdt);
        Assert.Equal((decimal)quantity, position.Quantity);
        Assert.Equal((decimal)average, position.AverageCost);
        Assert.Equal((decimal)realised, position.RealisedPnl);
        Assert.Equal((decimal)unrealised, position.UnrealisedPnl);
        Assert.Equal((decimal)fees, position.Fees);
        Assert.Equal(position.RealisedPnl + position.UnrealisedPnl - position.Fees, position.TotalPnl);
        Assert.Equal(fills.Length, position.Fills);
    }

    [Fact]
    public void Fees_in_an_unrelated_asset_are_kept_apart()
    {
        var tracker = new PortfolioTracker();
        tracker.ApplyFill(BtcUsdt, OrderSide.Buy, 100m, 1m, 5m, "HT");

        Assert.Equal(5m, tracker.OtherFees["HT"]);
    }

    [Theory]
    [InlineData("BTC/USDT", "BTC", "USDT")]
    [InlineData("BTCUSDT", "BTC", "USDT")]
    [InlineData("ETH-PERP", "ETH", null)]
    [InlineData("BTC200925", "BTC", null)]
    [InlineData("eth_btc", "eth", "btc")]
    public void Symbol_assets(string symbol, string expectedBase, string? expectedQuote) =>
        Assert.Equal((expectedBase, expectedQuote), SymbolAssets.Of(new Symbol(symbol)));
}
