using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>
/// The all-market <c>!miniTicker@arr</c> stream (market-data reference §1.4; what Binance's connector <c>miniTicker()</c>
/// and ccxt's <c>watchTickers()</c> open): at most one array a second, of the mini tickers that changed since the last.
/// </summary>
public sealed class BinanceAllMarketTickerTests : BinanceStreamsFixture
{
    [Fact]
    public async Task Changed_symbols_come_as_one_array_a_second_in_symbol_order()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws/!miniTicker@arr");
        await AwaitStreams("!miniTicker@arr");

        Trade("BTCUSDT", 50_000m, 50_100m);
        var first = await client.NextAsync();
        Trade("ETHUSDT", 3_000m, 3_010m);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Trade("BTCUSDT", 50_100m, 50_200m);
        var second = await client.NextAsync();

        Assert.Equal(JsonValueKind.Array, first.ValueKind);
        var only = Assert.Single(first.EnumerateArray());
        Assert.Equal(["e", "E", "s", "c", "o", "h", "l", "v", "q"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("24hrMiniTicker", "BTCUSDT"), (only.GetProperty("e").GetString(), only.GetProperty("s").GetString()));
        Assert.Equal(["BTCUSDT", "ETHUSDT"], second.EnumerateArray().Select(t => t.GetProperty("s").GetString()));
        Assert.Equal(Start.AddSeconds(1).ToUnixTimeMilliseconds(), second[0].GetProperty("E").GetInt64());
    }

    [Fact]
    public async Task It_can_be_subscribed_live_and_is_listed()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws/0");

        Assert.Equal("""{"result":null,"id":1}""", (await client.AskAsync("""{"method":"SUBSCRIBE","params":["!miniTicker@arr"],"id":1}""")).GetRawText());
        Assert.Equal("""{"result":["!miniTicker@arr"],"id":2}""", (await client.AskAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""")).GetRawText());
        Trade("BTCUSDT", 50_000m, 50_100m);
        Assert.Equal("BTCUSDT", (await client.NextAsync())[0].GetProperty("s").GetString());
    }

    /// <summary>Sets two mids: the second move prints a synthetic trade, so the symbol has a ticker.</summary>
    private void Trade(string symbol, decimal from, decimal to)
    {
        Host.Venue.ApplyMarket(new MarketCommand { Symbol = symbol, Mid = from });
        Host.Venue.ApplyMarket(new MarketCommand { Symbol = symbol, Mid = to });
    }
}
