using Engine.Simulator.Market;

namespace Engine.Simulator.Tests.Market;

public class UnderlyingTests
{
    [Theory]
    [InlineData("BTCUSDT", "BTC/USD")]
    [InlineData("BTC/USDT", "BTC/USD")]
    [InlineData("btc/usdt", "BTC/USD")]
    [InlineData("BTC-SWAP-USDT", "BTC/USD")]
    [InlineData("BTC201225", "BTC/USD")]
    [InlineData("ETHBTC", "ETH/BTC")]
    [InlineData("ETH/BTC", "ETH/BTC")]
    [InlineData("WETH", "ETH/USD")]
    [InlineData("SOL", "SOL/USD")]
    [InlineData("BTC", "BTC/USD")]
    [InlineData("EOS200925", "EOS/USD")]
    public void Venue_spellings_of_one_pair_share_an_underlying(string symbol, string expected) => Assert.Equal(expected, Underlying.Of(symbol));
}
